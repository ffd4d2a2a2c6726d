using System.Linq.Expressions;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;
using Segmentation.Core.Validation;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// An aggregate whose running sum or result overflows decimal faults only the aggregates that read what overflowed, on
/// every path: Evaluate, the buffer API, Explain, ValidUntil and EvaluateBatch, compiled and interpreted.
/// </summary>
public sealed class OverflowTests
{
    /// <summary>+5e28 yesterday, −5e28 on the first day, +5e28 two days ago: the repeat days total 1e29.</summary>
    private static readonly Person RepeatOverflow = new()
    {
        Id = "repeat",
        Facts = [new Fact(DaysAgo(1), 5e28m), new Fact(DaysAgo(3), -5e28m), new Fact(DaysAgo(2), 5e28m)],
    };

    /// <summary>Two orders of 5e28 on one day: their sum overflows; min, max and count do not.</summary>
    private static readonly Person SumOverflow = new() { Id = "sum", Facts = [new Fact(DaysAgo(1), 5e28m), new Fact(DaysAgo(1), 5e28m)] };

    public static TheoryData<bool> Modes => new() { false, true };

    private static SegmentEngine<Person> Engine(bool interpret) => Compile(
        s =>
        {
            var facts = s.Dated(p => p.Facts, f => f.At);
            s.IdentifiedBy(p => p.Id);
            s.Segment("repeat-average").When(facts.RepeatDayAverage(f => f.Amount).Ever().AtLeast(0));
            s.Segment("day-average").When(facts.DayAverage(f => f.Amount).Ever().AtLeast(0));
            s.Segment("sum").When(facts.Sum(f => f.Amount).Ever().AtLeast(0));
            s.Segment("average").When(facts.Average(f => f.Amount).Ever().AtLeast(0));
            s.Segment("median").When(facts.Median(f => f.Amount).Ever().AtLeast(0));
            s.Segment("max").When(facts.Max(f => f.Amount).Ever().AtLeast(1));
            s.Segment("min").When(facts.Min(f => f.Amount).Ever().AtMost(5e28m));
            s.Segment("count").When(facts.Count().Ever().AtLeast(2));
            s.Segment("days").When(facts.DistinctDays().Ever().AtLeast(1));
        },
        new SegmentEngineOptions { PreferInterpretation = interpret });

    [Theory]
    [MemberData(nameof(Modes))]
    public void Evaluate_RepeatDayAverageOverflows_FaultsOnlyTheAggregatesConcerned(bool interpret)
    {
        var engine = Engine(interpret);

        var result = engine.Evaluate(RepeatOverflow, AsOf);

        result.StateOf("repeat-average").Should().Be(SegmentState.Faulted);
        result.Faults.Single(f => f.SegmentId == "repeat-average").Exception.Should().BeOfType<OverflowException>();
        result.StateOf("sum").Should().Be(SegmentState.In);
        result.StateOf("average").Should().Be(SegmentState.In);
        result.StateOf("day-average").Should().Be(SegmentState.In);
        result.StateOf("max").Should().Be(SegmentState.In);
        result.StateOf("min").Should().Be(SegmentState.In);
        result.StateOf("count").Should().Be(SegmentState.In);
        result.StateOf("days").Should().Be(SegmentState.In);
        result.StateOf("median").Should().Be(SegmentState.In);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Evaluate_SumOverflows_FaultsSumReadersAndKeepsMinMaxCountOnTheSameAccumulator(bool interpret)
    {
        var engine = Engine(interpret);

        var result = engine.Evaluate(SumOverflow, AsOf);

        result.Faults.Select(f => f.SegmentId).Should().BeEquivalentTo("sum", "average", "day-average", "repeat-average");
        result.Faults.Should().AllSatisfy(f => f.Exception.Should().BeOfType<OverflowException>());
        result.StateOf("median").Should().Be(SegmentState.In, "the median of 5e28 and 5e28 is 5e28, though their sum overflows");
        result.StateOf("max").Should().Be(SegmentState.In);
        result.StateOf("min").Should().Be(SegmentState.In);
        result.StateOf("count").Should().Be(SegmentState.In);
        result.StateOf("days").Should().Be(SegmentState.In);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EveryPath_Overflow_ReportedNotThrown(bool interpret)
    {
        var engine = Engine(interpret);
        var memberships = new SegmentState[engine.MembershipIds.Count];
        var profiles = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? RepeatOverflow : SumOverflow).ToArray();

        var nothingFaulted = engine.Evaluate(RepeatOverflow, AsOf, memberships);
        var explanation = engine.Explain(RepeatOverflow, "repeat-average", AsOf);
        var validity = engine.ValidUntil(RepeatOverflow, AsOf);
        var batch = engine.EvaluateBatch(profiles, AsOf);

        nothingFaulted.Should().BeFalse();
        memberships[engine.IndexOf("repeat-average")].Should().Be(SegmentState.Faulted);
        memberships[engine.IndexOf("max")].Should().Be(SegmentState.In);
        explanation.Outcome.Should().Be(ExplanationOutcome.Faulted);
        explanation.Children.Append(explanation).Select(e => e.Exception).OfType<OverflowException>().Should().NotBeEmpty();
        validity.Kind.Should().NotBe(ValidityKind.Unknown);
        batch.Should().HaveCount(100);
        batch[0].StateOf("repeat-average").Should().Be(SegmentState.Faulted);
        batch[1].StateOf("sum").Should().Be(SegmentState.Faulted);
        batch[1].StateOf("max").Should().Be(SegmentState.In);
    }

    public static TheoryData<string> Tiers => [.. EngineTiers.All];

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Median_MiddleValuesWhoseSumOverflows_IsTheirMeanOnEveryTier(string tier)
    {
        // The mean of the two middle values 5e28 and 6e28 is 5.5e28, within decimal's range though their sum is not.
        var person = new Person { Facts = [new Fact(DaysAgo(1), 5e28m), new Fact(DaysAgo(2), 6e28m), new Fact(DaysAgo(3), 7e28m), new Fact(DaysAgo(4), -1m)] };
        var engine = SegmentEngine.Compile(
            SegmentCatalog.Create<Person>(
                s =>
                {
                    var facts = s.Dated(p => p.Facts, f => f.At);
                    s.Segment("at-least").When(facts.Median(f => f.Amount).Ever().AtLeast(5.5e28m));
                    s.Segment("above").When(facts.Median(f => f.Amount).Ever().GreaterThan(5.5e28m));
                    s.Segment("max").When(facts.Max(f => f.Amount).Ever().AtLeast(0));
                },
                "median"),
            EngineTiers.Options(tier));

        var result = engine.Evaluate(person, AsOf);

        result.Faults.Should().BeEmpty();
        result.Segments.Should().Equal("at-least", "max");
        engine.Explain(person, "at-least", AsOf).ToString().Should().Contain("= 55000000000000000000000000000");
    }

    [Fact]
    public void Compile_ScoreWeightsThatCanOverflow_IsADefinitionError()
    {
        var act = () => Compile(s => s.Score("risky").Add(5e28m, p => p.Nps > 1).Add(5e28m, p => p.Nps > 2));

        act.Should().Throw<CatalogDefinitionException>().WithMessage("*score*risky*overflow*");
    }

    [Fact]
    public void ScoreUnit_WeightsOverflowAtRunTime_FaultsTheScoreInsteadOfThrowing()
    {
        // Validation rejects such weights; the unit still reports rather than throws should one get through.
        var (network, always) = NetworkBuilder<Person>.BuildLeaf(new PredicateCondition((Expression<Func<Person, bool>>)(p => true)), new LambdaCompiler(interpret: true));
        var unit = new ScoreUnit<Person>(0, 0, [new(5e28m, always), new(5e28m, always)]);
        var frame = new Frame<Person>(network.Shape with { Scores = 1 });
        frame.Reset(new Person(), AsOf);

        unit.Run(network, frame);

        frame.ScoreFaults[0]!.Exception.Should().BeOfType<OverflowException>();
        frame.HasDecisionFaults.Should().BeTrue();
    }

    [Fact]
    public void Compile_OpposingHugeWeights_AreValidAndSumExactly()
    {
        var engine = Compile(s => s.Score("balanced").Add(5e28m, p => p.Nps > 1).Add(-5e28m, p => p.Nps > 2).Add(1m, p => p.Nps > 3));

        engine.Evaluate(new Person { Nps = 9 }, AsOf).Score("balanced").Should().Be(1m);
    }
}
