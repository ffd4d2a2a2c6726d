using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>One result of a batch run with the position of its profile in the input.</summary>
/// <param name="Index">The zero-based position of the profile in the input.</param>
/// <param name="Result">The result; faulted when the profile (or its evaluation) faulted.</param>
public sealed record BatchItem(long Index, SegmentationResult Result)
{
    /// <summary>Whether anything faulted for this profile.</summary>
    public bool IsFaulted => Result.HasFaults;
}
