using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.NRules.Engine;
using static Segmentation.Core.Tests.Support.LocalZone;

namespace Segmentation.NRules.Tests.Engine;

/// <summary>Tests that change the process's local time zone run alone, after every parallel test.</summary>
[CollectionDefinition(nameof(LocalTimeZoneCollection), DisableParallelization = true)]
public sealed class LocalTimeZoneCollection;

/// <summary>
/// The NRules engine takes a <see cref="DateTime"/> as-of with the native engine's rule (UTC and unspecified values are
/// UTC, local ones converted), also when called on its own type rather than through <see cref="ISegmentEngine{TProfile}"/>:
/// in a UTC+9 zone the implicit conversion to <see cref="DateTimeOffset"/> would move midnight nine hours back.
/// </summary>
[Collection(nameof(LocalTimeZoneCollection))]
public sealed class DateTimeAsOfTests
{
    private static readonly SegmentCatalog<Person> Catalog = SegmentCatalog.Create<Person>(
        s =>
        {
            var facts = s.Dated(p => p.Facts, f => f.At);
            s.Segment("bought").When(facts.Any().Ever());
            s.Score("recent").Add(20, facts.Any().InLast(30));
        },
        "test");

    [Fact]
    public void EveryDateTimeOverload_UnderUtcPlusNine_AnswersAsTheNativeEngine()
    {
        var nrules = NRulesSegmentEngine.Compile(Catalog);
        var native = SegmentEngine.Compile(Catalog);
        LocalZone.PlusNine(() =>
        {
            nrules.Evaluate(Buyer, (DateTimeOffset)Midnight).IsIn("bought").Should().BeFalse("the implicit conversion reads local time");

            var result = nrules.Evaluate(Buyer, Midnight);

            result.AsOf.Should().Be(MidnightUtc);
            result.IsIn("bought").Should().BeTrue();
            result.Score("recent").Should().Be(20m);
            native.Evaluate(Buyer, Midnight).Score("recent").Should().Be(20m);
            var states = new SegmentState[1];
            var scores = new decimal[1];
            nrules.Evaluate(Buyer, Midnight, states, scores).Should().BeTrue();
            states[0].Should().Be(SegmentState.In);
            scores[0].Should().Be(20m);
            nrules.Explain(Buyer, "bought", Midnight).Outcome.Should().Be(ExplanationOutcome.Yes);
            nrules.Run(Buyer, Midnight).Result.AsOf.Should().Be(MidnightUtc);
            nrules.EvaluateBatch([Buyer, Buyer], Midnight).Should().AllSatisfy(r => r.IsIn("bought").Should().BeTrue());
            var matrix = new SegmentState[2];
            nrules.EvaluateBatch(new[] { Buyer, Buyer }, Midnight, matrix).Should().Be(0);
            matrix.Should().Equal(SegmentState.In, SegmentState.In);
            matrix[0] = SegmentState.Out;
            nrules.EvaluateBatch(new ReadOnlySpan<Person>([Buyer]), Midnight, matrix.AsSpan(0, 1)).Should().Be(0);
            matrix[0].Should().Be(SegmentState.In);
        });
    }
}
