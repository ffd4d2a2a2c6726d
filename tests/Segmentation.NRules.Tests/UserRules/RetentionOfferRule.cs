using NRules.Fluent.Dsl;
using Segmentation.NRules.Facts;
using Segmentation.ReferenceWorkload;

namespace Segmentation.NRules.Tests.UserRules;

/// <summary>A retention offer a user's own rule creates.</summary>
public sealed record RetentionOffer(string CustomerId);

/// <summary>The README's example: when a customer is in churn-risk and has spent more than 500, create a retention offer.</summary>
public sealed class RetentionOfferRule : Rule
{
    public override void Define()
    {
        Customer customer = default!;
        SegmentMembership<Customer> churnRisk = default!;

        When()
            .Match(() => customer, c => c.Orders.Sum(o => o.Amount) > 500m)
            .Match(() => churnRisk, m => m.Id == "churn-risk" && m.IsIn && m.Profile == customer);
        Then()
            .Do(ctx => ctx.Insert(new RetentionOffer(customer.Id)));
    }
}
