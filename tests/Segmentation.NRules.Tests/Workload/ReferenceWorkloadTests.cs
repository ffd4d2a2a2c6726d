using Segmentation.NRules.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.NRules.Tests.Workload;

public sealed class ReferenceWorkloadTests
{
    [Fact]
    public void Evaluate_TenThousandGeneratedProfiles_EqualsHandWrittenSegmentsProfileByProfile()
    {
        var engine = NRulesSegmentEngine.Compile(new WorkloadCatalog());
        var customers = WorkloadGenerator.Generate(10_000, seed: 42);
        var asOf = ReferenceWorkload.Workload.AsOf;
        var expected = new bool[HandWrittenSegments.Count];
        var results = engine.EvaluateBatch(customers, asOf);
        var mismatches = new List<string>();
        for (var i = 0; i < customers.Length; i++)
        {
            HandWrittenSegments.Evaluate(customers[i], asOf, expected);
            results[i].HasFaults.Should().BeFalse();
            for (var s = 0; s < HandWrittenSegments.Count; s++)
            {
                var id = HandWrittenSegments.Ids[s];
                if (results[i].IsIn(id) != expected[s])
                {
                    mismatches.Add($"{customers[i].Id} {id}: NRules {results[i].IsIn(id)}, hand-written {expected[s]}");
                }
            }
        }

        mismatches.Should().BeEmpty();
        results.Sum(r => r.Segments.Count).Should().BeGreaterThan(customers.Length, "the workload puts profiles in segments");
    }
}
