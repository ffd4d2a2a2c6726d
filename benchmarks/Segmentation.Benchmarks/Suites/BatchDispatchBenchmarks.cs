using BenchmarkDotNet.Attributes;
using Segmentation.Benchmarks.Infrastructure;
using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.Core.Rules;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// What the batch pipeline's per-engine hook costs per profile, on one thread, one chunk of <see cref="ProfileCount"/>
/// customers that fits in the cache (so the evaluation is as short as it gets and any per-profile overhead shows): the
/// baseline is the chunk loop as it was when the pipeline knew only the native engine (calling the engine directly, copied
/// here), next to the pipeline's loop for the native engine (a struct per engine kind, called without dispatch) and for an
/// engine known only by its interface (the NRules backend's path; here a decorator over the same native engine).
/// </summary>
[MemoryDiagnoser]
public class BatchDispatchBenchmarks
{
    /// <summary>The customers of the chunk.</summary>
    public const int ProfileCount = 1_000;

    private readonly DateTimeOffset asOf = Workload.AsOf;
    private readonly BatchWorker worker = new();
    private SegmentEngine<Customer> engine = null!;
    private BatchChunk<Customer> chunk = null!;
    private BatchEvaluator<Customer> native = null!;
    private BatchEvaluator<Customer> byInterface = null!;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 212)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        engine = Engines.Generated(SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7));
        chunk = new BatchChunk<Customer>(0, 0, WorkloadGenerator.Generate(ProfileCount, seed: 42), 0, ProfileCount, ownsSource: false);
        native = BatchEvaluator<Customer>.For(engine, asOf, TimeProvider.System);
        byInterface = BatchEvaluator<Customer>.For(new Decorated(engine), asOf, TimeProvider.System);
        DirectRows();
        var direct = chunk.States!;
        NativeRows();
        var pipeline = chunk.States!;
        InterfaceRows();
        if (!direct.AsSpan().SequenceEqual(pipeline) || !direct.AsSpan().SequenceEqual(chunk.States))
        {
            throw new InvalidOperationException("The three loops disagree.");
        }
    }

    /// <summary>The membership-row loop as it was: the native engine called directly.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ProfileCount)]
    [BenchmarkCategory("rows")]
    public int DirectRows()
    {
        var width = engine.MembershipIds.Count;
        var states = new SegmentState[chunk.Count * width];
        var faulted = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            CancellationToken.None.ThrowIfCancellationRequested();
            worker.Start(chunk.FirstIndex + i);
            if (!engine.EvaluateRow(chunk.ProfileAt(i), asOf, states.AsSpan(i * width, width)))
            {
                faulted++;
            }

            chunk.Release(i);
        }

        worker.Stop();
        chunk.States = states;
        return faulted;
    }

    /// <summary>The pipeline's membership-row loop for the native engine.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    [BenchmarkCategory("rows")]
    public int NativeRows()
    {
        native.States(chunk, worker, CancellationToken.None);
        return chunk.Faulted;
    }

    /// <summary>The pipeline's membership-row loop for an engine known only by its interface.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    [BenchmarkCategory("rows")]
    public int InterfaceRows()
    {
        byInterface.States(chunk, worker, CancellationToken.None);
        return chunk.Faulted;
    }

    /// <summary>Every member delegates to the native engine: the pipeline sees an engine it does not know.</summary>
    private sealed class Decorated(ISegmentEngine<Customer> inner) : ISegmentEngine<Customer>
    {
        public RuleSet<Customer> RuleSet => inner.RuleSet;

        public IReadOnlyList<string> MembershipIds => inner.MembershipIds;

        public IReadOnlyList<string> ScoreIds => inner.ScoreIds;

        public int IndexOf(string segmentId) => inner.IndexOf(segmentId);

        public SegmentationResult Evaluate(Customer profile) => inner.Evaluate(profile);

        public SegmentationResult Evaluate(Customer profile, DateTimeOffset asOf) => inner.Evaluate(profile, asOf);

        public bool Evaluate(Customer profile, DateTimeOffset asOf, Span<SegmentState> memberships, Span<decimal> scores = default) => inner.Evaluate(profile, asOf, memberships, scores);

        public Explanation Explain(Customer profile, string segmentId) => inner.Explain(profile, segmentId);

        public Explanation Explain(Customer profile, string segmentId, DateTimeOffset asOf) => inner.Explain(profile, segmentId, asOf);
    }
}
