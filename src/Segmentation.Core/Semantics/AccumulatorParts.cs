namespace Segmentation.Core.Semantics;

/// <summary>
/// The parts of an <see cref="Accumulator"/> that one pass over a collection keeps up to date. The count is always kept;
/// every other part is kept only when an aggregate sharing the accumulator needs it.
/// </summary>
[Flags]
internal enum AccumulatorParts
{
    /// <summary>Only the count.</summary>
    None = 0,

    /// <summary>The earliest and latest fact instants.</summary>
    FirstLast = 1,

    /// <summary>The running sum of the selected values (its overflow faults only the aggregates that read it).</summary>
    Sum = 2,

    /// <summary>The smallest and largest selected values.</summary>
    MinMax = 4,

    /// <summary>The UTC days of the facts, counted distinct when the pass ends.</summary>
    Days = 8,

    /// <summary>The running sum of the selected values on the earliest UTC day (its overflow faults only the aggregates that read it).</summary>
    FirstDaySum = 16,

    /// <summary>Every selected value, kept in a buffer of the frame for order statistics.</summary>
    Values = 32,

    /// <summary>The parts that read the value selector.</summary>
    ReadsValue = Sum | MinMax | FirstDaySum | Values,
}
