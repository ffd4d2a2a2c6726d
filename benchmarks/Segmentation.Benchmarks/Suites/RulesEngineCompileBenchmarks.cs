using BenchmarkDotNet.Attributes;
using Segmentation.Benchmarks.Peers;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// The peer of <see cref="CompileBenchmarks"/>: Microsoft RulesEngine compiles its rules lazily, so its compile time is
/// the first <c>ExecuteAllRulesAsync</c> (both workflows, one customer) on a new engine, construction included.
/// </summary>
[MemoryDiagnoser]
public class RulesEngineCompileBenchmarks
{
    private IReadOnlyList<SyntheticSegmentSpec> specs = [];
    private Customer customer = null!;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 212, 1012)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        customer = WorkloadGenerator.Generate(1, seed: 42)[0];
    }

    /// <summary>A new RulesEngine with the catalog's rules, and its first call.</summary>
    [Benchmark]
    public async Task<bool[]> ConstructAndFirstCall()
    {
        var peer = new RulesEnginePeer(specs);
        return await peer.EvaluateAsync(customer, Workload.AsOf).ConfigureAwait(false);
    }
}
