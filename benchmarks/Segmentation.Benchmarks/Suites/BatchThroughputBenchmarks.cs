using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
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
/// <remarks>
/// The <c>machine</c> category runs pure arithmetic (<see cref="ArithmeticLoad"/>) split the same way, next to each
/// catalog size: on a shared VM the second core is not always a whole core, and this pair shows what the machine allowed
/// in the same run. Three launches (processes) per benchmark average the VM's drift between processes; a batch of
/// 50,000 profiles keeps the one-time cost of waking the second core (up to a few milliseconds on this VM) small.
/// </remarks>
[MemoryDiagnoser]
[ProcessCount(3)]
[MaxIterationCount(40)]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[Config(typeof(ThroughputConfig))]
public class BatchThroughputBenchmarks
{
    /// <summary>The customers each invocation evaluates.</summary>
    public const int ProfileCount = 50_000;

    private const string Engine = "engine";
    private const string Machine = "machine";

    private SegmentEngine<Customer> engine = null!;
    private BatchSizes batch = null!;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 212, 1012)]
    public int SegmentCount { get; set; }

    /// <summary>Generates the customers, compiles the catalog and checks both batch paths against the hand-written baseline.</summary>
    [GlobalSetup(Targets = [nameof(OneCore), nameof(AllCores)])]
    public void Setup()
    {
        var customers = WorkloadGenerator.Generate(ProfileCount, seed: 42);
        var specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        engine = Engines.Generated(specs);
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
    [BenchmarkCategory(Engine)]
    public int OneCore() => batch.EvaluateOneCore(Workload.AsOf);

    /// <summary>Every core, through the library's parallel batch API.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    [BenchmarkCategory(Engine)]
    public int AllCores() => batch.EvaluateAllCores(Workload.AsOf);

    /// <summary>The machine's ceiling, one core: arithmetic only.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ProfileCount)]
    [BenchmarkCategory(Machine)]
    public double ArithmeticOneCore() => ArithmeticLoad.Run(ProfileCount, parallelism: 1);

    /// <summary>The machine's ceiling, every core: the same arithmetic split into the batch API's ranges.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    [BenchmarkCategory(Machine)]
    public double ArithmeticAllCores() => ArithmeticLoad.Run(ProfileCount, Environment.ProcessorCount);

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

    /// <summary>Adds profiles per second; runs each catalog size's engine and machine pairs one after another.</summary>
    public sealed class ThroughputConfig : ManualConfig
    {
        /// <summary>Adds the operations-per-second column and the execution order.</summary>
        public ThroughputConfig()
        {
            AddColumn(StatisticColumn.OperationsPerSecond);
            Orderer = new ParamsFirstOrderer();
        }
    }

    /// <summary>
    /// Executes all benchmarks of one parameter value before the next value (the default runs them category by
    /// category), so that each engine pair and the machine pair next to it see the VM in the same state.
    /// </summary>
    private sealed class ParamsFirstOrderer : DefaultOrderer
    {
        public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
            base.GetExecutionOrder(benchmarksCase, order).GroupBy(c => c.Parameters.FolderInfo).SelectMany(g => g);
    }
}
