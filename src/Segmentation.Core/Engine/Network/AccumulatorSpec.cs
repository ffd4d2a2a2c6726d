using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// One fused accumulator of a collection: a window, an optional filter and an optional value selector, with the parts
/// that the aggregates sharing it read (see <see cref="AggregateDefinition.Parts"/>) and the frame buffers of those parts.
/// </summary>
internal sealed record AccumulatorSpec(int Slot, long NewestTicks, long? OldestTicks, int FilterIndex, int SelectorIndex)
{
    public AccumulatorParts Parts { get; init; }

    /// <summary>The frame's day buffer, for <see cref="AccumulatorParts.Days"/>; -1 without.</summary>
    public int DayBuffer { get; init; } = -1;

    /// <summary>The frame's value buffer, for <see cref="AccumulatorParts.Values"/>; -1 without.</summary>
    public int ValueBuffer { get; init; } = -1;

    /// <summary>Whether a fact's selected value is read.</summary>
    public bool ReadsValue => SelectorIndex >= 0 && (Parts & AccumulatorParts.ReadsValue) != 0;

    public long Upper(long asOfTicks) => FactWindow.Upper(asOfTicks, NewestTicks);

    public long Lower(long asOfTicks) => FactWindow.Lower(asOfTicks, OldestTicks);
}
