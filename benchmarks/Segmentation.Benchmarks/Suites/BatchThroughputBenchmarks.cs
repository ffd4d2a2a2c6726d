using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Segmentation.Benchmarks.Infrastructure;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// Batch throughput: <see cref="ProfileCount"/> customers through the library's batch API into one preallocated membership
/// matrix (<see cref="BatchSizes"/>), on one core and on every core. Only the evaluation is measured: the segment sizes
/// counted from the matrix (a serial pass that would dilute the comparison) are checked once, in setup, against the
/// hand-written baseline. Times are per profile; the Op/s column is profiles per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class BatchThroughputBenchmarks
{
    /// <summary>The customers each invocation evaluates.</summary>
    public const int ProfileCount = 10_000;

    private Customer[] customers = [];
    private SegmentEngine<Customer> engine = null!;
    private BatchSizes batch = null!;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 212, 1012)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        customers = WorkloadGenerator.Generate(ProfileCount, seed: 42);
        var specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        engine = SegmentEngine.Compile(new WorkloadCatalog(specs));
        batch = new BatchSizes(engine, customers);

        var ids = ReferenceImplementations.Ids(specs);
        var slots = ReferenceImplementations.SlotsOf(engine, ids);
        ReferenceImplementations.RequireAgreement(
            $"{ProfileCount} customers, {SegmentCount} segments, {Environment.ProcessorCount} cores",
            ids,
            "hand-written",
            ReferenceImplementations.HandWrittenSizes(customers, specs, Workload.AsOf),
            ("one core", InIdOrder(slots, batch.OneCore)),
            ("all cores", InIdOrder(slots, batch.AllCores)));
    }

    /// <summary>One thread, one buffer.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ProfileCount)]
    public int OneCore() => batch.EvaluateOneCore(Workload.AsOf);

    /// <summary>Every core, through the library's parallel batch API.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public int AllCores() => batch.EvaluateAllCores(Workload.AsOf);

    private int[] InIdOrder(int[] slots, Func<DateTimeOffset, int[], int> run)
    {
        var tally = new int[engine.MembershipIds.Count];
        var faulted = run(Workload.AsOf, tally);
        if (faulted != 0)
        {
            throw new InvalidOperationException($"{faulted} customers faulted.");
        }

        return [.. slots.Select(slot => tally[slot])];
    }

    /// <summary>Adds profiles per second.</summary>
    public sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
