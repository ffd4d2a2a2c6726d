namespace Segmentation.Core.Engine.Network;

/// <summary>One fused accumulator of a collection: a window, an optional filter and an optional value selector.</summary>
internal sealed record AccumulatorSpec(int Slot, long NewestTicks, long? OldestTicks, int FilterIndex, int SelectorIndex, int DayBuffer)
{
    public long Upper(long asOfTicks) => asOfTicks - NewestTicks;

    public long Lower(long asOfTicks) => OldestTicks is { } oldest ? asOfTicks - oldest : long.MinValue;
}
