using NRules.Fluent.Dsl;
using Segmentation.ReferenceWorkload;

namespace Segmentation.NRules.Tests.Batch;

/// <summary>A user's rule whose action fails for the customer "broken": that customer's NRules evaluation throws.</summary>
public sealed class BrokenOfferRule : Rule
{
    /// <summary>The message of the action's exception.</summary>
    public const string Failure = "the offer service is down";

    public override void Define()
    {
        Customer customer = default!;

        When()
            .Match(() => customer, c => c.Id == "broken");
        Then()
            .Do(ctx => Fail());
    }

    private static void Fail() => throw new InvalidOperationException(Failure);
}
