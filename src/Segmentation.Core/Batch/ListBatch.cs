using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>
/// The list entrances of the batch pipeline, for every engine: a list into results in input order
/// (<c>EvaluateBatch</c>, <see cref="BatchRunner{TProfile}.Evaluate(IReadOnlyList{TProfile}, DateTimeOffset, CancellationToken)"/>)
/// and an array into a membership matrix. Options arrive validated.
/// </summary>
internal static class ListBatch
{
    /// <summary>Evaluates a list into one result per profile, in input order; fail-fast throws at the first faulted profile in input order.</summary>
    public static SegmentationResult[] Results<TProfile>(BatchEvaluator<TProfile> evaluator, IReadOnlyList<TProfile> profiles, BatchOptions options, CancellationToken cancellationToken)
    {
        var count = profiles.Count;
        var results = new SegmentationResult[count];
        var chunkSize = options.ChunkSize ?? AutomaticChunkSize(count, options.MaxDegreeOfParallelism);
        void Take(BatchChunk<TProfile> chunk)
        {
            var evaluated = chunk.Results!;
            Array.Copy(evaluated, 0, results, chunk.FirstIndex, chunk.Count);
            if (options.FailFast && Array.FindIndex(evaluated, r => r.HasFaults) is var at and >= 0)
            {
                throw new SegmentEvaluationException(checked((int)chunk.FirstIndex + at), evaluated[at]);
            }
        }

        if (RunsInline(count, options, cancellationToken))
        {
            var worker = new BatchWorker();
            for (var start = 0; start < count; start += chunkSize)
            {
                var chunk = new BatchChunk<TProfile>(0, start, profiles, start, Math.Min(chunkSize, count - start), ownsSource: false);
                evaluator.Results(chunk, worker, cancellationToken);
                Take(chunk);
            }

            return results;
        }

        new BatchPipeline<TProfile>(BatchSource<TProfile>.Of(profiles), evaluator.Results, options, chunkSize, ordered: options.FailFast)
            .Drain(Take, cancellationToken);
        return results;
    }

    /// <summary>Evaluates an array into a row-major membership matrix (row <c>i</c> receives profile <c>i</c>); returns the number of faulted profiles.</summary>
    public static int Matrix<TProfile>(BatchEvaluator<TProfile> evaluator, TProfile[] profiles, SegmentState[] memberships, BatchOptions options, CancellationToken cancellationToken)
    {
        var width = evaluator.Width;
        if (memberships.Length < (long)profiles.Length * width)
        {
            throw new ArgumentException($"The membership buffer needs {(long)profiles.Length * width} entries.", nameof(memberships));
        }

        if (RunsInline(profiles.Length, options, cancellationToken))
        {
            return evaluator.Rows(profiles, memberships);
        }

        var faulted = 0;
        new BatchPipeline<TProfile>(BatchSource<TProfile>.Of(profiles), evaluator.States, options,
                options.ChunkSize ?? AutomaticChunkSize(profiles.Length, options.MaxDegreeOfParallelism), ordered: false)
            .Drain(chunk =>
            {
                chunk.States.AsSpan().CopyTo(memberships.AsSpan(checked((int)chunk.FirstIndex * width)));
                faulted += chunk.Faulted;
            }, cancellationToken);
        return faulted;
    }

    /// <summary>
    /// Whether a batch runs on the calling thread: only when nothing can cancel it (so nothing has to be abandoned) and
    /// one worker is asked for or the batch is too small to share.
    /// </summary>
    private static bool RunsInline(int count, BatchOptions options, CancellationToken cancellationToken) =>
        !cancellationToken.CanBeCanceled && (options.MaxDegreeOfParallelism == 1 || count < 64);

    private static int AutomaticChunkSize(int count, int parallelism) => Math.Clamp(count / (parallelism * 32), 16, 1024);
}
