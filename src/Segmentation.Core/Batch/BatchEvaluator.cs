using Segmentation.Core.Engine;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Batch;

/// <summary>
/// Evaluates one chunk on a worker, the same way for every batch API: a null profile or an evaluation that throws
/// becomes that profile's faulted result (or faulted row), the rest of the chunk goes on, and cancellation is checked
/// between profiles.
/// </summary>
internal sealed class BatchEvaluator<TProfile>
{
    private readonly SegmentEngine<TProfile> engine;
    private readonly DateTimeOffset asOf;
    private readonly TimeProvider time;
    private readonly Func<TProfile, string>? profileId;

    public BatchEvaluator(SegmentEngine<TProfile> engine, DateTimeOffset asOf, TimeProvider time, Func<TProfile, string>? profileId)
    {
        this.engine = engine;
        this.asOf = asOf;
        this.time = time;
        this.profileId = profileId;
    }

    /// <summary>Fills <see cref="BatchChunk{TProfile}.Results"/>, recording each evaluation to the instruments.</summary>
    public void Results(BatchChunk<TProfile> chunk, BatchWorker worker, CancellationToken token)
    {
        var results = new SegmentationResult[chunk.Count];
        var ids = engine.MembershipIds;
        for (var i = 0; i < chunk.Count; i++)
        {
            token.ThrowIfCancellationRequested();
            worker.Start(chunk.FirstIndex + i);
            var started = time.GetTimestamp();
            var result = One(chunk.ProfileAt(i));
            chunk.Release(i);
            results[i] = result;
            EvaluationRecorder.Record(result, ids, time.GetElapsedTime(started), "batch");
        }

        worker.Stop();
        chunk.Results = results;
    }

    /// <summary>Fills <see cref="BatchChunk{TProfile}.States"/> (rows of <paramref name="width"/>) and counts faulted profiles.</summary>
    public void States(BatchChunk<TProfile> chunk, BatchWorker worker, int width, CancellationToken token)
    {
        var states = new SegmentState[chunk.Count * width];
        var faulted = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            token.ThrowIfCancellationRequested();
            worker.Start(chunk.FirstIndex + i);
            if (!Row(chunk.ProfileAt(i), states.AsSpan(i * width, width)))
            {
                faulted++;
            }

            chunk.Release(i);
        }

        worker.Stop();
        chunk.States = states;
        chunk.Faulted = faulted;
    }

    /// <summary>Evaluates one profile into a result; never throws but for out-of-memory.</summary>
    public SegmentationResult One(TProfile profile)
    {
        if (profile is null)
        {
            return engine.FaultedResult(null, asOf, new ArgumentNullException(nameof(profile), "The profile is null."));
        }

        try
        {
            return engine.Evaluate(profile, asOf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return engine.FaultedResult(SafeId(profile), asOf, ex);
        }
    }

    /// <summary>Evaluates one profile into a membership row; <see langword="false"/> when it faulted.</summary>
    public bool Row(TProfile profile, Span<SegmentState> row) => engine.EvaluateRow(profile, asOf, row);

    private string? SafeId(TProfile profile)
    {
        try
        {
            return profileId?.Invoke(profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
