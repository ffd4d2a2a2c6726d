using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>One fused accumulator of a collection: a window, an optional filter and an optional value selector.</summary>
internal sealed record AccumulatorSpec(int Slot, long NewestTicks, long? OldestTicks, int FilterIndex, int SelectorIndex, int DayBuffer)
{
    public bool NeedsSum { get; init; }

    public bool NeedsMinMax { get; init; }

    public bool NeedsFirstLast { get; init; }

    public bool NeedsFirstDaySum { get; init; }

    public AccumulatorSpec Require(AggregateKind kind) => kind switch
    {
        AggregateKind.Sum or AggregateKind.Average => this with { NeedsSum = true },
        AggregateKind.Min or AggregateKind.Max => this with { NeedsMinMax = true },
        AggregateKind.DaysSinceFirst or AggregateKind.DaysSinceLast or AggregateKind.DaysFirstToLast => this with { NeedsFirstLast = true },
        AggregateKind.DayAverage => this with { NeedsSum = true },
        AggregateKind.RepeatDayAverage => this with { NeedsSum = true, NeedsFirstDaySum = true },
        _ => this,
    };

    public long Upper(long asOfTicks) => asOfTicks - NewestTicks;

    public long Lower(long asOfTicks) => OldestTicks is { } oldest ? asOfTicks - oldest : long.MinValue;
}
