namespace Segmentation.Core.Engine;

/// <summary>Options for batch evaluation.</summary>
public sealed class BatchOptions
{
    /// <summary>The most threads used at once. The default value is <see cref="Environment.ProcessorCount"/>; 1 runs on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether the first faulted profile stops the batch with a <see cref="SegmentEvaluationException"/>.
    /// The default value is <see langword="false"/>: faulted profiles come back as faulted results and the batch goes on.
    /// </summary>
    public bool FailFast { get; set; }

    /// <summary>Cancels the batch. The default value is <see cref="CancellationToken.None"/>.</summary>
    public CancellationToken CancellationToken { get; set; }
}
