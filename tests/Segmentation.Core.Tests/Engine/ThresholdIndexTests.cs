using System.Linq.Expressions;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

/// <summary>Many thresholds on one value are resolved together by the cut-point index; every edge must match plain comparison.</summary>
public sealed class ThresholdIndexTests
{
    private static readonly decimal[] Cuts = [1, 2, 3, 5];

    private static SegmentEngine<Person> Engine(bool interpret) => Scenario.Compile(
        s =>
        {
            var facts = s.Dated(p => p.Facts, f => f.At);
            var count = facts.Count().InLast(30);
            var spend = facts.Sum(f => f.Amount).InLast(30);
            var nps = s.Value(p => p.Nps);
            foreach (var cut in Cuts)
            {
                s.Segment($"count>={cut}").When(count.AtLeast(cut));
                s.Segment($"count>{cut}").When(count.GreaterThan(cut));
                s.Segment($"count<={cut}").When(count.AtMost(cut));
                s.Segment($"count<{cut}").When(count.LessThan(cut));
                s.Segment($"spend>={cut}").When(spend.AtLeast(cut));
                s.Segment($"nps>={cut}").When(nps.AtLeast(cut));
                s.Segment($"nps<{cut}").When(nps.LessThan(cut));
            }
        },
        new SegmentEngineOptions { PreferInterpretation = interpret });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    public void Evaluate_CountAroundEveryCutPoint_MatchesPlainComparison(int facts)
    {
        var person = Scenario.With([.. Enumerable.Range(0, facts).Select(i => new Fact(Scenario.DaysAgo(1 + i), Amount: 0.5m))]);

        foreach (var interpret in new[] { false, true })
        {
            var result = Engine(interpret).Evaluate(person, Scenario.AsOf);
            foreach (var cut in Cuts)
            {
                result.IsIn($"count>={cut}").Should().Be(facts >= cut, $"{facts} facts, count >= {cut}, interpreted {interpret}");
                result.IsIn($"count>{cut}").Should().Be(facts > cut, $"{facts} facts, count > {cut}, interpreted {interpret}");
                result.IsIn($"count<={cut}").Should().Be(facts <= cut, $"{facts} facts, count <= {cut}, interpreted {interpret}");
                result.IsIn($"count<{cut}").Should().Be(facts < cut, $"{facts} facts, count < {cut}, interpreted {interpret}");
                result.IsIn($"spend>={cut}").Should().Be(facts * 0.5m >= cut, $"spend {facts * 0.5m} >= {cut}, interpreted {interpret}");
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    public void Evaluate_NullableValueAroundCutPoints_NoValueNeverMatches(int? nps)
    {
        var person = new Person { Nps = nps };

        foreach (var interpret in new[] { false, true })
        {
            var result = Engine(interpret).Evaluate(person, Scenario.AsOf);
            foreach (var cut in Cuts)
            {
                result.IsIn($"nps>={cut}").Should().Be(nps >= cut, $"nps {nps} >= {cut}, interpreted {interpret}");
                result.IsIn($"nps<{cut}").Should().Be(nps < cut, $"nps {nps} < {cut}, interpreted {interpret}");
            }
        }
    }

    [Fact]
    public void Evaluate_FaultedValue_FaultsEveryIndexedComparison()
    {
        var person = new Person { Facts = null };

        var result = Engine(interpret: false).Evaluate(person, Scenario.AsOf);

        foreach (var cut in Cuts)
        {
            result.StateOf($"count>={cut}").Should().Be(SegmentState.Faulted);
            result.StateOf($"count<{cut}").Should().Be(SegmentState.Faulted);
        }

        result.IsIn("nps<5").Should().BeFalse();
    }

    [Theory]
    [InlineData(ComparisonOperator.AtLeast)]
    [InlineData(ComparisonOperator.GreaterThan)]
    [InlineData(ComparisonOperator.AtMost)]
    [InlineData(ComparisonOperator.LessThan)]
    public void HoldsExpression_EveryCutAndRank_AgreesWithHolds_AndNeverHoldsForAnAbsentValue(ComparisonOperator op)
    {
        // Ranks of values below, on and between the cuts 1, 2, 3, 5 (as ThresholdIndex.Rank packs them), and -1.
        long Pack(int below, int atOrBelow) => (uint)below | ((long)atOrBelow << 32);
        long[] ranks = [Pack(0, 0), Pack(0, 1), Pack(1, 1), Pack(1, 2), Pack(2, 2), Pack(2, 3), Pack(3, 3), Pack(3, 4), Pack(4, 4)];
        var rank = Expression.Parameter(typeof(long), "rank");

        for (var cut = 0; cut < Cuts.Length; cut++)
        {
            var holds = Expression.Lambda<Func<long, bool>>(ThresholdIndex<Person>.HoldsExpression(op, cut, rank), rank).Compile();
            foreach (var r in ranks)
            {
                holds(r).Should().Be(ThresholdIndex<Person>.Holds(op, cut, r), $"{op}, cut {cut}, rank {r:X}");
            }

            holds(-1).Should().BeFalse($"{op}, cut {cut}: no value never holds");
        }
    }
}
