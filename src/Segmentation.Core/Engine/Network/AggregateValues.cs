using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>An aggregate's value from its accumulator; <see langword="null"/> where the aggregate of no items is missing.</summary>
internal static class AggregateValues
{
    public static decimal? Of(in Accumulator acc, AggregateKind kind, long asOfTicks)
    {
        var any = acc.Count > 0;
        return kind switch
        {
            AggregateKind.Count => acc.Count,
            AggregateKind.Sum => acc.Sum,
            AggregateKind.Average => any ? acc.Sum / acc.Count : null,
            AggregateKind.Min => any ? acc.Min : null,
            AggregateKind.Max => any ? acc.Max : null,
            AggregateKind.DaysSinceFirst => any ? DateMath.Days(asOfTicks - acc.FirstTicks) : null,
            AggregateKind.DaysSinceLast => any ? DateMath.Days(asOfTicks - acc.LastTicks) : null,
            AggregateKind.DistinctDays => acc.DistinctDays,
            AggregateKind.RepeatDays => any ? acc.DistinctDays - 1 : 0,
            AggregateKind.DaysFirstToLast => any ? DateMath.Days(acc.LastTicks - acc.FirstTicks) : null,
            AggregateKind.RepeatDayAverage => !any ? null : acc.DistinctDays > 1 ? (acc.Sum - acc.FirstDaySum) / (acc.DistinctDays - 1) : 0m,
            _ => any ? acc.Sum / acc.DistinctDays : null,
        };
    }

    /// <summary>Whether the value is a whole number that generated code compares as a <see cref="long"/>.</summary>
    public static bool IsWhole(AggregateKind kind) => kind is AggregateKind.Count or AggregateKind.DistinctDays or AggregateKind.RepeatDays;
}
