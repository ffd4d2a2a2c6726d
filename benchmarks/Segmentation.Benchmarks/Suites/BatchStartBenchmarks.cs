using BenchmarkDotNet.Attributes;
using Segmentation.Benchmarks.Infrastructure;
using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// What starting a parallel batch costs on small batches, where it weighs most: <see cref="ProfileCount"/> customers of
/// the 12-segment reference catalog through each parallel entrance (the pipeline with two workers), next to the same
/// profiles on the calling thread (the span overload, no pipeline) as the baseline. Times are per batch.
/// </summary>
[MemoryDiagnoser]
public class BatchStartBenchmarks
{
    private readonly DateTimeOffset asOf = Workload.AsOf;
    private readonly BatchOptions twoWorkers = new() { MaxDegreeOfParallelism = 2 };
    private SegmentEngine<Customer> engine = null!;
    private BatchRunner<Customer> runner = null!;
    private Customer[] customers = null!;
    private SegmentState[] matrix = null!;

    /// <summary>The customers of one batch: the smallest that runs in parallel (64), and a thousand.</summary>
    [Params(64, 1_000)]
    public int ProfileCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        engine = Engines.Generated(SyntheticCatalogSpec.Generate(0, seed: 7));
        runner = new BatchRunner<Customer>(engine, twoWorkers);
        customers = WorkloadGenerator.Generate(ProfileCount, seed: 42);
        matrix = new SegmentState[customers.Length * engine.MembershipIds.Count];
        var here = new SegmentState[matrix.Length];
        engine.EvaluateBatch(customers.AsSpan(), asOf, here);
        engine.EvaluateBatch(customers, asOf, matrix, twoWorkers);
        if (!here.AsSpan().SequenceEqual(matrix))
        {
            throw new InvalidOperationException("The parallel matrix differs from the calling thread's.");
        }
    }

    /// <summary>The calling thread, into the matrix: no pipeline.</summary>
    [Benchmark(Baseline = true)]
    public int CallingThread() => engine.EvaluateBatch(customers.AsSpan(), asOf, matrix);

    /// <summary>Two workers, into the matrix.</summary>
    [Benchmark]
    public int Matrix() => engine.EvaluateBatch(customers, asOf, matrix, twoWorkers);

    /// <summary>Two workers, one result per profile.</summary>
    [Benchmark]
    public int List() => engine.EvaluateBatch(customers, asOf, twoWorkers).Length;

    /// <summary>Two workers through the runner over an enumerable, results handed back in order.</summary>
    [Benchmark]
    public async Task<long> Runner() => (await runner.RunAsync(customers.AsEnumerable(), asOf).ConfigureAwait(false)).Profiles;
}
