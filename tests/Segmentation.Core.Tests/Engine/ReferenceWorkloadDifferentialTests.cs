using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

public sealed class ReferenceWorkloadDifferentialTests
{
    [Fact]
    public void Evaluate_GeneratedPopulation_MatchesHandWrittenBaselineForEveryProfile()
    {
        var customers = WorkloadGenerator.Generate(10_000);
        var engine = SegmentEngine.Compile(new WorkloadCatalog());
        Span<bool> expected = stackalloc bool[HandWrittenSegments.Count];
        Span<SegmentState> actual = stackalloc SegmentState[engine.MembershipIds.Count];
        var mismatches = new List<string>();

        foreach (var customer in customers)
        {
            HandWrittenSegments.Evaluate(customer, Workload.AsOf, expected);
            engine.Evaluate(customer, Workload.AsOf, actual).Should().BeTrue();
            for (var i = 0; i < HandWrittenSegments.Count; i++)
            {
                var id = HandWrittenSegments.Ids[i];
                if ((actual[engine.IndexOf(id)] == SegmentState.In) != expected[i])
                {
                    mismatches.Add($"{customer.Id} {id}: engine {actual[engine.IndexOf(id)]}, baseline {expected[i]}");
                }
            }
        }

        mismatches.Should().BeEmpty();
    }
}

public sealed class SyntheticWorkloadDifferentialTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    public void Evaluate_SyntheticCatalog_MatchesHandWrittenSyntheticSegments(int synthetic)
    {
        var customers = WorkloadGenerator.Generate(3_000);
        var specs = SyntheticCatalogSpec.Generate(synthetic);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs));
        var states = new SegmentState[engine.MembershipIds.Count];
        var mismatches = new List<string>();

        foreach (var customer in customers)
        {
            engine.Evaluate(customer, Workload.AsOf, states);
            foreach (var spec in specs)
            {
                var expected = HandWrittenSynthetic.Evaluate(customer, Workload.AsOf, spec);
                if ((states[engine.IndexOf(spec.Id)] == SegmentState.In) != expected)
                {
                    mismatches.Add($"{customer.Id} {spec}: baseline {expected}");
                }
            }
        }

        mismatches.Should().BeEmpty();
    }
}
