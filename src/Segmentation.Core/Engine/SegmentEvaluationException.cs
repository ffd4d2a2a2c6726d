namespace Segmentation.Core.Engine;

/// <summary>A batch run with <see cref="Batch.BatchOptions.FailFast"/> met a faulted profile.</summary>
public sealed class SegmentEvaluationException : Exception
{
    /// <summary>Creates the exception for a faulted profile.</summary>
    /// <param name="index">The profile's position in the batch.</param>
    /// <param name="result">The faulted result.</param>
    public SegmentEvaluationException(int index, SegmentationResult result)
        : base($"Profile #{index}{(result?.ProfileId is { } id ? $" ({id})" : string.Empty)} faulted: {result?.Faults.FirstOrDefault()}", result?.Faults.FirstOrDefault()?.Exception)
    {
        Index = index;
        Result = result;
    }

    /// <summary>Creates the exception.</summary>
    public SegmentEvaluationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SegmentEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public SegmentEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The faulted profile's position in the batch.</summary>
    public int Index { get; }

    /// <summary>The faulted result.</summary>
    public SegmentationResult? Result { get; }
}
