using BenchmarkDotNet.Attributes;
using Segmentation.Benchmarks.Infrastructure;
using Segmentation.Benchmarks.Peers;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// Per-profile evaluation of the reference workload (12 segments, plus 0, 200 or 1000 synthetic ones): the competent
/// hand-written baseline, the naive and the windows-precomputed hand-written variants, the engine's buffer and convenient
/// APIs (generated-code tier, default options; the buffer API also with code the runtime tiers up from the start and with dynamic methods only, see <see cref="GeneratedCodeLifetime"/>), and Microsoft RulesEngine, in one run so every ratio is to the same baseline. Each invocation evaluates the same <see cref="ProfileCount"/> customers; times are per profile.
/// </summary>
[MemoryDiagnoser]
public partial class ProfileEvaluationBenchmarks
{
    /// <summary>The customers each invocation evaluates.</summary>
    public const int ProfileCount = 1_000;

    private readonly DateTimeOffset asOf = Workload.AsOf;
    private readonly DateTime asOfUtc = Workload.AsOfUtc;
    private Customer[] customers = [];
    private IReadOnlyList<SyntheticSegmentSpec> specs = [];
    private SegmentEngine<Customer> engine = null!;
    private SegmentEngine<Customer> tieredEngine = null!;
    private SegmentEngine<Customer> collectibleEngine = null!;
    private RulesEnginePeer peer = null!;
    private bool[] handWrittenBuffer = [];
    private SegmentState[] engineBuffer = [];
    private int vipAtRiskSlot;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 212, 1012)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        customers = WorkloadGenerator.Generate(ProfileCount, seed: 42);
        specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        engine = Engines.Generated(specs);
        tieredEngine = Engines.Generated(specs, GeneratedCodeLifetime.Process);
        collectibleEngine = Engines.Generated(specs, GeneratedCodeLifetime.Collectible);
        peer = new RulesEnginePeer(specs);
        var compile = await peer.WarmUpAsync(customers[0], asOf).ConfigureAwait(false);
        Console.WriteLine($"// RulesEngine first call (compile) with {SegmentCount} segments: {compile.TotalMilliseconds:F0} ms");

        handWrittenBuffer = new bool[SegmentCount];
        engineBuffer = new SegmentState[engine.MembershipIds.Count];
        vipAtRiskSlot = engine.IndexOf("vip-at-risk");

        var ids = ReferenceImplementations.Ids(specs);
        ReferenceImplementations.RequireAgreement(
            $"{ProfileCount} customers, {SegmentCount} segments",
            ids,
            "hand-written",
            ReferenceImplementations.HandWrittenSizes(customers, specs, asOf),
            ("naive hand-written", ReferenceImplementations.NaiveSizes(customers, specs, asOf)),
            ("windows precomputed", ReferenceImplementations.WindowsSizes(customers, specs, asOf)),
            ("engine buffer API", ReferenceImplementations.EngineBufferSizes(engine, customers, ids, asOf)),
            ("engine buffer API, non-collectible code", ReferenceImplementations.EngineBufferSizes(tieredEngine, customers, ids, asOf)),
            ("engine buffer API, collectible code", ReferenceImplementations.EngineBufferSizes(collectibleEngine, customers, ids, asOf)),
            ("engine convenient API", ReferenceImplementations.EngineResultSizes(engine, customers, ids, asOf)),
            ("RulesEngine", await ReferenceImplementations.RulesEngineSizes(peer, customers, asOf).ConfigureAwait(false)));
    }

    /// <summary>Competent hand-written code: cut-offs and age once, one pass per collection, synthetic segments as direct code.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ProfileCount)]
    public int HandWritten()
    {
        var members = 0;
        var memberships = handWrittenBuffer.AsSpan();
        foreach (var customer in customers)
        {
            ReferenceImplementations.HandWritten(customer, asOfUtc, specs, memberships);
            members += memberships[HandWrittenSegments.VipAtRisk] ? 1 : 0;
        }

        return members;
    }

    /// <summary>Naive hand-written code: one loop per condition, cut-offs and age recomputed per predicate.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int HandWrittenNaive()
    {
        var members = 0;
        var memberships = handWrittenBuffer.AsSpan();
        foreach (var customer in customers)
        {
            ReferenceImplementations.NaiveHandWritten(customer, asOfUtc, specs, memberships);
            members += memberships[HandWrittenSegments.VipAtRisk] ? 1 : 0;
        }

        return members;
    }

    /// <summary>Hand-written code with each distinct window's count and spend computed once per profile; predicates are lookups.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int HandWrittenWindows()
    {
        var members = 0;
        var memberships = handWrittenBuffer.AsSpan();
        foreach (var customer in customers)
        {
            ReferenceImplementations.WindowsPrecomputed(customer, asOfUtc, specs, memberships);
            members += memberships[HandWrittenSegments.VipAtRisk] ? 1 : 0;
        }

        return members;
    }

    /// <summary>
    /// The engine's buffer API: caller-owned memberships, no allocation. Default options: at 12 segments the engine's
    /// code is promoted to methods the runtime tiers up during warm-up (<see cref="GeneratedCodeLifetime.Automatic"/>);
    /// larger catalogs keep their dynamic methods.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int EngineBuffer() => EvaluateIntoBuffer(engine);

    /// <summary>The engine's buffer API with <see cref="GeneratedCodeLifetime.Process"/>: loops (and at 12 segments the one chunk) the runtime tiers up with dynamic PGO from the start.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int EngineBufferNonCollectible() => EvaluateIntoBuffer(tieredEngine);

    /// <summary>The engine's buffer API with <see cref="GeneratedCodeLifetime.Collectible"/>: dynamic methods only, never promoted.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int EngineBufferCollectible() => EvaluateIntoBuffer(collectibleEngine);

    /// <summary>The engine's convenient API: one <see cref="SegmentationResult"/> per profile.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int EngineResult()
    {
        var members = 0;
        foreach (var customer in customers)
        {
            members += engine.Evaluate(customer, asOf).HasFaults ? 0 : 1;
        }

        return members;
    }

    private int EvaluateIntoBuffer(SegmentEngine<Customer> evaluated)
    {
        var members = 0;
        var memberships = engineBuffer.AsSpan();
        foreach (var customer in customers)
        {
            evaluated.Evaluate(customer, asOf, memberships);
            members += memberships[vipAtRiskSlot] == SegmentState.In ? 1 : 0;
        }

        return members;
    }

    /// <summary>Microsoft RulesEngine 6.0.1: both workflows via <c>ExecuteAllRulesAsync</c> per profile, rules compiled in setup.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public async Task<int> RulesEngine()
    {
        var members = 0;
        foreach (var customer in customers)
        {
            var memberships = await peer.EvaluateAsync(customer, asOf).ConfigureAwait(false);
            members += memberships[HandWrittenSegments.VipAtRisk] ? 1 : 0;
        }

        return members;
    }
}
