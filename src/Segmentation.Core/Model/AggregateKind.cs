namespace Segmentation.Core.Model;

/// <summary>What an aggregate computes over the facts of a dated collection that fall inside its window.</summary>
/// <remarks>
/// Values are summed in the collection's order; an aggregate whose running sum or result overflows <see cref="decimal"/>
/// is faulted for that profile (the other aggregates of the same collection are not).
/// </remarks>
public enum AggregateKind
{
    /// <summary>The number of facts. Zero when there are none.</summary>
    Count,

    /// <summary>The sum of the selected values. Zero when there are no facts.</summary>
    Sum,

    /// <summary>The mean of the selected values. No value when there are no facts.</summary>
    Average,

    /// <summary>The smallest selected value. No value when there are no facts.</summary>
    Min,

    /// <summary>The largest selected value. No value when there are no facts.</summary>
    Max,

    /// <summary>Whole and fractional days from the earliest fact to as-of. No value when there are no facts.</summary>
    DaysSinceFirst,

    /// <summary>Whole and fractional days from the latest fact to as-of. No value when there are no facts.</summary>
    DaysSinceLast,

    /// <summary>The number of distinct UTC calendar days with at least one fact. Zero when there are none.</summary>
    DistinctDays,

    /// <summary>
    /// Repeat purchases in customer-base terms ("frequency"): distinct UTC days with a fact, minus one, so facts on the
    /// same day count once. Zero when there are none.
    /// </summary>
    RepeatDays,

    /// <summary>
    /// Days (fractional) from the earliest to the latest fact ("recency" in customer-base analysis, as in BG/NBD).
    /// No value when there are no facts.
    /// </summary>
    DaysFirstToLast,

    /// <summary>
    /// The mean of the per-day totals of the selected value over the repeat days, the first day excluded
    /// ("monetary value" in customer-base analysis). Zero with a single day; no value when there are no facts.
    /// </summary>
    RepeatDayAverage,

    /// <summary>
    /// The total of the selected value divided by the number of distinct days with a fact ("average order value" with
    /// same-day purchases counted once). No value when there are no facts.
    /// </summary>
    DayAverage,

    /// <summary>
    /// The median of the selected values: the middle value, or the mean of the two middle values for an even number of
    /// facts. No value when there are no facts.
    /// </summary>
    Median,
}
