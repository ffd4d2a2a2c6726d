using Segmentation.Core.Engine;
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
}
