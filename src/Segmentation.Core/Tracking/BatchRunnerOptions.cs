namespace Segmentation.Core.Tracking;

/// <summary>Options for a <see cref="BatchRunner{TProfile}"/>.</summary>
public sealed class BatchRunnerOptions
{
    /// <summary>The number of profiles evaluated concurrently at most. The default value is <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>The number of profiles a worker takes from the input at once. The default value is 256.</summary>
    public int ChunkSize { get; set; } = 256;

    /// <summary>
    /// The number of chunks read from the input but not yet handed to the consumer, which bounds memory to about
    /// <c>MaxChunksInFlight × ChunkSize</c> profiles and results however long the input is.
    /// The default value is <see langword="null"/>: twice <see cref="MaxDegreeOfParallelism"/>.
    /// </summary>
    public int? MaxChunksInFlight { get; set; }

    /// <summary>
    /// Whether results come back in input order. The default value is <see langword="true"/>; <see langword="false"/> yields
    /// each chunk as soon as it is evaluated (every result still carries its input index).
    /// </summary>
    public bool Ordered { get; set; } = true;

    /// <summary>
    /// Whether the first faulted profile stops the run with a <see cref="Engine.SegmentEvaluationException"/>.
    /// The default value is <see langword="false"/>: faulted profiles come back as faulted results.
    /// </summary>
    public bool FailFast { get; set; }

    /// <summary>The clock that measures durations (never the wall-clock date). The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal int Parallelism => Math.Max(1, MaxDegreeOfParallelism);

    internal int Chunk => Math.Max(1, ChunkSize);

    internal int InFlight => Math.Max(1, MaxChunksInFlight ?? (2 * Parallelism));
}
