namespace Segmentation.Core.Batch;

/// <summary>How far a batch run has come, reported after each chunk handed to the consumer.</summary>
/// <param name="Processed">The number of profiles whose results were handed to the consumer.</param>
/// <param name="Faulted">How many of them faulted.</param>
/// <param name="Elapsed">The time since the run started.</param>
public readonly record struct BatchProgress(long Processed, long Faulted, TimeSpan Elapsed);
