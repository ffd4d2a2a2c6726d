namespace Segmentation.Core.Model;

/// <summary>What an aggregate computes over the facts of a dated collection that fall inside its window.</summary>
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
}
