using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>
/// Options of every batch evaluation: <see cref="SegmentEngine{TProfile}.EvaluateBatch(IReadOnlyList{TProfile}, DateTimeOffset, BatchOptions?, CancellationToken)"/>,
/// its buffer overload, the NRules backend's <c>EvaluateBatch</c> and <see cref="BatchRunner{TProfile}"/> (over any
/// engine) run on one implementation and read the same options.
/// Invalid values are rejected with an <see cref="ArgumentException"/> that lists every problem; nothing is clamped.
/// </summary>
public sealed class BatchOptions
{
    /// <summary>
    /// The most profiles evaluated at once (one worker each); at least 1. The default value is
    /// <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// The number of consecutive profiles a worker takes at once; at least 1. The default value is
    /// <see langword="null"/>: for a list, its length / (parallelism × 32) kept between 16 and 1,024; for a stream, 256.
    /// </summary>
    public int? ChunkSize { get; set; }

    /// <summary>
    /// The number of chunks read from the input but not yet handed back, which bounds memory to about
    /// <c>MaxChunksInFlight × ChunkSize</c> profiles and results however long the input is; at least 1.
    /// The default value is <see langword="null"/>: twice <see cref="MaxDegreeOfParallelism"/>.
    /// </summary>
    public int? MaxChunksInFlight { get; set; }

    /// <summary>
    /// Whether a <see cref="BatchRunner{TProfile}"/> hands results back in input order. The default value is
    /// <see langword="true"/>; <see langword="false"/> yields each chunk as soon as it is evaluated (every result still
    /// carries its input index). <c>EvaluateBatch</c> always places results by index.
    /// </summary>
    public bool Ordered { get; set; } = true;

    /// <summary>
    /// Whether the first faulted profile (in input order when results are ordered) stops the batch with a
    /// <see cref="SegmentEvaluationException"/>. The default value is <see langword="false"/>: faulted profiles come
    /// back as faulted results and the batch goes on. The buffer overloads ignore it (they return the faulted count).
    /// </summary>
    public bool FailFast { get; set; }

    /// <summary>
    /// How long a cancelled batch waits for its workers and its input to stop before it abandons them and throws a
    /// <see cref="BatchCanceledException"/> naming the profiles not evaluated. Workers check for cancellation between
    /// profiles; a profile whose evaluation never returns (an endless collection) or an input that ignores the token
    /// cannot be stopped, only abandoned: its thread stays busy until it returns, and its result is discarded. That is one
    /// of the library's own batch threads, never a thread-pool thread, so the grace period holds however many evaluations
    /// earlier batches abandoned. Zero or more, or <see cref="Timeout.InfiniteTimeSpan"/> to always wait. The default
    /// value is one second.
    /// </summary>
    public TimeSpan CancellationGracePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The clock that measures durations and the <see cref="CancellationGracePeriod"/> (never the as-of date).
    /// The default value is <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
