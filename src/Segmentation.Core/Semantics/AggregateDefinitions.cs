using Segmentation.Core.Model;
using static Segmentation.Core.Semantics.AccumulatorParts;

namespace Segmentation.Core.Semantics;

/// <summary>
/// The definition of every <see cref="AggregateKind"/>, one line each. Adding a kind: add it to the enum, add its line
/// here (a new accumulator part only if no existing part carries what it needs), and a DSL method.
/// </summary>
internal static class AggregateDefinitions
{
    private static readonly AggregateDefinition[] ByKind = Ordered(
    [
        AggregateDefinition.WholeNumber(AggregateKind.Count, "count", None, static (in Accumulator a) => a.Count),
        new(AggregateKind.Sum, "sum", Sum, static (in Accumulator a, long _) => a.Sum),
        new(AggregateKind.Average, "average", Sum, static (in Accumulator a, long _) => a.Count == 0 ? null : a.Sum / a.Count),
        new(AggregateKind.Min, "min", MinMax, static (in Accumulator a, long _) => a.Count == 0 ? null : a.Min),
        new(AggregateKind.Max, "max", MinMax, static (in Accumulator a, long _) => a.Count == 0 ? null : a.Max),
        new(AggregateKind.DaysSinceFirst, "days since first", FirstLast, static (in Accumulator a, long asOf) => a.Count == 0 ? null : DateMath.Days(asOf - a.FirstTicks)) { NeverNegative = true },
        new(AggregateKind.DaysSinceLast, "days since last", FirstLast, static (in Accumulator a, long asOf) => a.Count == 0 ? null : DateMath.Days(asOf - a.LastTicks)) { NeverNegative = true },
        AggregateDefinition.WholeNumber(AggregateKind.DistinctDays, "distinct days of", Days, static (in Accumulator a) => a.DistinctDays),
        AggregateDefinition.WholeNumber(AggregateKind.RepeatDays, "repeat days of", Days, static (in Accumulator a) => a.Count == 0 ? 0 : a.DistinctDays - 1),
        new(AggregateKind.DaysFirstToLast, "days first to last", FirstLast, static (in Accumulator a, long _) => a.Count == 0 ? null : DateMath.Days(a.LastTicks - a.FirstTicks)) { NeverNegative = true },
        new(AggregateKind.RepeatDayAverage, "repeat-day average", Sum | Days | FirstDaySum, static (in Accumulator a, long _) =>
            a.Count == 0 ? null : a.DistinctDays > 1 ? (a.Sum - a.FirstDaySum) / (a.DistinctDays - 1) : 0m),
        new(AggregateKind.DayAverage, "day average", Sum | Days, static (in Accumulator a, long _) => a.Count == 0 ? null : a.Sum / a.DistinctDays),
        new(AggregateKind.Median, "median", Values, static (in Accumulator a, long _) => a.Count == 0 ? null : OrderStatistics.Median(a.Values.AsSpan(0, a.ValueCount))),
    ]);

    /// <summary>The definition of a kind.</summary>
    public static AggregateDefinition Of(AggregateKind kind) =>
        (uint)kind < (uint)ByKind.Length ? ByKind[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown aggregate kind.");

    /// <summary>Every definition, in the enum's order.</summary>
    public static IReadOnlyList<AggregateDefinition> All => ByKind;

    private static AggregateDefinition[] Ordered(AggregateDefinition[] definitions)
    {
        var ordered = definitions.OrderBy(d => d.Kind).ToArray();
        var kinds = Enum.GetValues<AggregateKind>();
        if (!ordered.Select(d => d.Kind).SequenceEqual(kinds) || !kinds.Select((k, i) => (int)k == i).All(b => b))
        {
            throw new InvalidOperationException("Every aggregate kind needs exactly one definition, and kinds must number 0..n-1.");
        }

        return ordered;
    }
}
