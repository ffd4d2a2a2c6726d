using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <summary>A run of consecutive input profiles and, once evaluated, their results.</summary>
internal sealed class BatchChunk<TProfile>(long sequence, long firstIndex, TProfile[] profiles, int count)
{
    public long Sequence { get; } = sequence;

    public long FirstIndex { get; } = firstIndex;

    public TProfile[] Profiles { get; } = profiles;

    public int Count { get; } = count;

    public SegmentationResult[] Results { get; } = new SegmentationResult[count];
}
