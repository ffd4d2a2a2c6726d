using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>
/// A run of consecutive input profiles and, once evaluated, their results (or membership rows). A chunk read from a
/// stream owns its buffer and drops each profile once evaluated; a chunk of a list only points into it.
/// </summary>
internal sealed class BatchChunk<TProfile>(long sequence, long firstIndex, IReadOnlyList<TProfile> source, int offset, int count, bool ownsSource)
{
    public long Sequence { get; } = sequence;

    public long FirstIndex { get; } = firstIndex;

    public int Count { get; } = count;

    /// <summary>One result per profile, when the batch produces results.</summary>
    public SegmentationResult[]? Results { get; set; }

    /// <summary>Row-major membership rows, when the batch fills a membership buffer.</summary>
    public SegmentState[]? States { get; set; }

    /// <summary>The number of faulted profiles, when the batch fills a membership buffer.</summary>
    public int Faulted { get; set; }

    public TProfile ProfileAt(int i) => source[offset + i];

    /// <summary>Lets go of an evaluated profile so a long stream keeps only results in memory.</summary>
    public void Release(int i)
    {
        if (ownsSource)
        {
            ((TProfile[])source)[offset + i] = default!;
        }
    }
}
