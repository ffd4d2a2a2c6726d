using Segmentation.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// The cost of explaining one segment (vip-at-risk, a segment over two other segments) for one profile that is in it,
/// against evaluating that profile with the buffer API.
/// </summary>
[MemoryDiagnoser]
public class ExplainBenchmarks
{
    private const string SegmentId = "vip-at-risk";

    private SegmentEngine<Customer> engine = null!;
    private Customer member = null!;
    private Customer nonMember = null!;
    private SegmentState[] buffer = [];

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 212, 1012)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        engine = Engines.Generated(specs);
        buffer = new SegmentState[engine.MembershipIds.Count];
        var customers = WorkloadGenerator.Generate(1_000, seed: 42);
        var expected = new bool[HandWrittenSegments.Count];
        foreach (var customer in customers)
        {
            HandWrittenSegments.Evaluate(customer, Workload.AsOf, expected);
            if (expected[HandWrittenSegments.VipAtRisk])
            {
                member ??= customer;
            }
            else
            {
                nonMember ??= customer;
            }
        }

        if (member is null || nonMember is null)
        {
            throw new InvalidOperationException($"The population needs a {SegmentId} member and a non-member.");
        }

        if (engine.Explain(member, SegmentId, Workload.AsOf).Outcome != ExplanationOutcome.Yes
            || engine.Explain(nonMember, SegmentId, Workload.AsOf).Outcome != ExplanationOutcome.No)
        {
            throw new InvalidOperationException($"The engine's explanation of {SegmentId} disagrees with the hand-written baseline.");
        }

        Console.WriteLine($"// explaining {SegmentId} for member {member.Id} and non-member {nonMember.Id}");
    }

    /// <summary>Evaluating every segment for the member with the buffer API, for scale.</summary>
    [Benchmark(Baseline = true)]
    public bool EvaluateMember() => engine.Evaluate(member, Workload.AsOf, buffer);

    /// <summary>Why the member is in vip-at-risk.</summary>
    [Benchmark]
    public Explanation ExplainMember() => engine.Explain(member, SegmentId, Workload.AsOf);

    /// <summary>Why the non-member is not in vip-at-risk.</summary>
    [Benchmark]
    public Explanation ExplainNonMember() => engine.Explain(nonMember, SegmentId, Workload.AsOf);
}
