using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// What tiered compilation costs a user, warm process, fresh catalog each time (<c>new WorkloadCatalog(specs)</c>: DSL,
/// validation, compilation): the time from <c>Compile</c> to the first result (the engine answers on the node network
/// while code is generated in the background), the time until the whole catalog runs generated code, and the
/// deterministic-latency option that generates everything before <c>Compile</c> returns. One invocation per iteration;
/// each iteration's background generation is awaited in the cleanup, outside the measurement, so iterations do not overlap.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 1)]
public class TieringBenchmarks
{
    private readonly DateTimeOffset asOf = Workload.AsOf;
    private IReadOnlyList<SyntheticSegmentSpec> specs = [];
    private Customer customer = null!;
    private SegmentState[] buffer = [];
    private SegmentEngine<Customer>? last;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(212, 1012)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        customer = WorkloadGenerator.Generate(1, seed: 42)[0];
        buffer = new SegmentState[SegmentCount];
    }

    /// <summary>Waits for the previous iteration's background generation, outside the measurement.</summary>
    [IterationCleanup]
    public void Cleanup()
    {
        last?.CodeGenerated.GetAwaiter().GetResult();
        last = null;
    }

    /// <summary><c>Compile</c> (code generation in the background) and the first result through the buffer API.</summary>
    [Benchmark(Baseline = true)]
    public SegmentState FirstResult()
    {
        last = SegmentEngine.Compile(new WorkloadCatalog(specs));
        last.Evaluate(customer, asOf, buffer);
        return buffer[0];
    }

    /// <summary><c>Compile</c> and the first result with code generation disabled (the node network alone).</summary>
    [Benchmark]
    public SegmentState FirstResultNetworkOnly()
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        engine.Evaluate(customer, asOf, buffer);
        return buffer[0];
    }

    /// <summary><c>Compile</c> until every unit runs generated code (background generation, chunks in parallel).</summary>
    [Benchmark]
    public bool UntilGenerated()
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs));
        return engine.CodeGenerated.GetAwaiter().GetResult();
    }

    /// <summary><c>Compile</c> with <see cref="CodeGeneration.BeforeReturn"/>, then the first result (deterministic latency).</summary>
    [Benchmark]
    public SegmentState BeforeReturnFirstResult()
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn });
        engine.Evaluate(customer, asOf, buffer);
        return buffer[0];
    }
}
