using BenchmarkDotNet.Attributes;
using Segmentation.Benchmarks.Infrastructure;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// Per-profile time across catalog sizes, in one class so every ratio is to the same baseline in the same run: the
/// competent hand-written code (baseline), the naive per-condition hand-written code, the "windows precomputed once per
/// profile" hand-written code, the engine on its generated-code tier and the engine on the shared-node network (its
/// fallback and interpreted tier), all through caller-owned buffers. Each invocation evaluates the same
/// <see cref="ProfileCount"/> customers; times are per profile. Setup throws unless all five agree on every segment size.
/// </summary>
[MemoryDiagnoser]
public class CatalogScalingBenchmarks
{
    /// <summary>The customers each invocation evaluates.</summary>
    public const int ProfileCount = 1_000;

    private readonly DateTimeOffset asOf = Workload.AsOf;
    private readonly DateTime asOfUtc = Workload.AsOfUtc;
    private Customer[] customers = [];
    private IReadOnlyList<SyntheticSegmentSpec> specs = [];
    private SegmentEngine<Customer> generated = null!;
    private SegmentEngine<Customer> network = null!;
    private bool[] handWrittenBuffer = [];
    private SegmentState[] engineBuffer = [];
    private int vipAtRiskSlot;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 50, 100, 101, 150, 212, 500, 1012, 5000)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        customers = WorkloadGenerator.Generate(ProfileCount, seed: 42);
        specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        generated = Engines.Generated(specs);
        network = Engines.Network(specs);
        handWrittenBuffer = new bool[SegmentCount];
        engineBuffer = new SegmentState[generated.MembershipIds.Count];
        vipAtRiskSlot = generated.IndexOf("vip-at-risk");
        var ids = ReferenceImplementations.Ids(specs);
        ReferenceImplementations.RequireAgreement(
            $"{ProfileCount} customers, {SegmentCount} segments",
            ids,
            "hand-written",
            ReferenceImplementations.HandWrittenSizes(customers, specs, asOf),
            ("naive hand-written", ReferenceImplementations.NaiveSizes(customers, specs, asOf)),
            ("windows precomputed", ReferenceImplementations.WindowsSizes(customers, specs, asOf)),
            ("engine, generated code", ReferenceImplementations.EngineBufferSizes(generated, customers, ids, asOf)),
            ("engine, node network", ReferenceImplementations.EngineBufferSizes(network, customers, ids, asOf)));
    }

    /// <summary>Competent hand-written code: cut-offs and age once, one pass per collection, synthetic segments as direct code.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ProfileCount)]
    public int HandWritten()
    {
        var members = 0;
        var count = specs.Count;
        foreach (var customer in customers)
        {
            CompetentHandWritten.Evaluate(customer, asOfUtc, count, handWrittenBuffer);
            members += handWrittenBuffer[HandWrittenSegments.VipAtRisk] ? 1 : 0;
        }

        return members;
    }

    /// <summary>Naive hand-written code: one loop per condition, cut-offs and age recomputed per predicate.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int HandWrittenNaive()
    {
        var members = 0;
        foreach (var customer in customers)
        {
            ReferenceImplementations.NaiveHandWritten(customer, asOfUtc, specs, handWrittenBuffer);
            members += handWrittenBuffer[HandWrittenSegments.VipAtRisk] ? 1 : 0;
        }

        return members;
    }

    /// <summary>Hand-written code with every distinct window's count and spend computed once per profile; predicates are lookups.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int HandWrittenWindows()
    {
        var members = 0;
        var count = specs.Count;
        foreach (var customer in customers)
        {
            WindowsHandWritten.Evaluate(customer, asOfUtc, count, handWrittenBuffer);
            members += handWrittenBuffer[HandWrittenSegments.VipAtRisk] ? 1 : 0;
        }

        return members;
    }

    /// <summary>The engine's buffer API on its generated-code tier.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int EngineGenerated() => RunEngine(generated);

    /// <summary>The engine's buffer API on the shared-node network (code generation disabled).</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int EngineNetwork() => RunEngine(network);

    private int RunEngine(SegmentEngine<Customer> engine)
    {
        var members = 0;
        var memberships = engineBuffer.AsSpan();
        foreach (var customer in customers)
        {
            engine.Evaluate(customer, asOf, memberships);
            members += memberships[vipAtRiskSlot] == SegmentState.In ? 1 : 0;
        }

        return members;
    }
}
