using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>
/// Evaluates one chunk on a worker, the same way for every batch API and every engine: a null profile or an evaluation
/// that throws becomes that profile's faulted result (or faulted row), the rest of the chunk goes on, and cancellation
/// is checked between profiles. The pipeline calls it once per chunk; the per-profile loop is compiled per engine kind
/// (<see cref="BatchEvaluator{TProfile, TEvaluation}"/>).
/// </summary>
internal abstract class BatchEvaluator<TProfile>
{
    /// <summary>The evaluator for an engine: the native engine's own path, or the interface for any other engine.</summary>
    public static BatchEvaluator<TProfile> For(ISegmentEngine<TProfile> engine, DateTimeOffset asOf, TimeProvider time) =>
        engine is SegmentEngine<TProfile> native
            ? new BatchEvaluator<TProfile, NativeProfileEvaluation<TProfile>>(new NativeProfileEvaluation<TProfile>(native), asOf, time)
            : new BatchEvaluator<TProfile, EngineProfileEvaluation<TProfile>>(new EngineProfileEvaluation<TProfile>(engine, ProfileFaults<TProfile>.For(engine.RuleSet)), asOf, time);

    /// <summary>The width of a membership row: one state per membership id.</summary>
    public abstract int Width { get; }

    /// <summary>The engine's membership ids.</summary>
    public abstract IReadOnlyList<string> MembershipIds { get; }

    /// <summary>Fills <see cref="BatchChunk{TProfile}.Results"/>, recording each evaluation to the instruments.</summary>
    public abstract void Results(BatchChunk<TProfile> chunk, BatchWorker worker, CancellationToken token);

    /// <summary>Fills <see cref="BatchChunk{TProfile}.States"/> (rows of <see cref="Width"/>) and counts faulted profiles.</summary>
    public abstract void States(BatchChunk<TProfile> chunk, BatchWorker worker, CancellationToken token);

    /// <summary>Evaluates profiles into consecutive rows on the calling thread, allocating nothing; returns the number that faulted.</summary>
    public abstract int Rows(ReadOnlySpan<TProfile> profiles, Span<SegmentState> memberships);
}

/// <summary>The chunk loops over one engine kind's <typeparamref name="TEvaluation"/> (a struct: called directly, no dispatch per profile).</summary>
internal sealed class BatchEvaluator<TProfile, TEvaluation>(TEvaluation evaluation, DateTimeOffset asOf, TimeProvider time) : BatchEvaluator<TProfile>
    where TEvaluation : struct, IProfileEvaluation<TProfile>
{
    private readonly IReadOnlyList<string> membershipIds = evaluation.MembershipIds;

    public override int Width => membershipIds.Count;

    public override IReadOnlyList<string> MembershipIds => membershipIds;

    public override void Results(BatchChunk<TProfile> chunk, BatchWorker worker, CancellationToken token)
    {
        var results = new SegmentationResult[chunk.Count];
        try
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                token.ThrowIfCancellationRequested();
                worker.Start(chunk.FirstIndex + i);
                var started = time.GetTimestamp();
                var result = evaluation.Result(chunk.ProfileAt(i), asOf);
                chunk.Release(i);
                results[i] = result;
                Telemetry.EvaluationRecorder.Record(result, membershipIds, time.GetElapsedTime(started), "batch");
            }
        }
        finally
        {
            // Also when cancelled between profiles: an idle worker is never named as abandoned.
            worker.Stop();
        }

        chunk.Results = results;
    }

    public override void States(BatchChunk<TProfile> chunk, BatchWorker worker, CancellationToken token)
    {
        var width = membershipIds.Count;
        var states = new SegmentState[chunk.Count * width];
        var faulted = 0;
        try
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                token.ThrowIfCancellationRequested();
                worker.Start(chunk.FirstIndex + i);
                if (!evaluation.Row(chunk.ProfileAt(i), asOf, states.AsSpan(i * width, width)))
                {
                    faulted++;
                }

                chunk.Release(i);
            }
        }
        finally
        {
            worker.Stop();
        }

        chunk.States = states;
        chunk.Faulted = faulted;
    }

    public override int Rows(ReadOnlySpan<TProfile> profiles, Span<SegmentState> memberships) =>
        BatchRows.Evaluate<TProfile, TEvaluation>(evaluation, profiles, asOf, memberships, membershipIds.Count);
}
