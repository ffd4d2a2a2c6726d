namespace Segmentation.Core.Semantics;

/// <summary>Order statistics over a buffer of selected values (sorted in place).</summary>
internal static class OrderStatistics
{
    /// <summary>The middle value, or the mean of the two middle values (which throws <see cref="OverflowException"/> when their sum overflows).</summary>
    public static decimal Median(Span<decimal> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2m;
    }
}
