namespace Segmentation.Core.Semantics;

/// <summary>Order statistics over a buffer of selected values (sorted in place).</summary>
internal static class OrderStatistics
{
    /// <summary>The middle value, or the mean of the two middle values (see <see cref="MeanOfTwo"/>).</summary>
    public static decimal Median(Span<decimal> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : MeanOfTwo(values[middle - 1], values[middle]);
    }

    /// <summary>
    /// The mean of two values: <c>(a + b) / 2</c>, or, when the sum is beyond <see cref="decimal"/>'s range though the mean
    /// is not (two values near <see cref="decimal.MaxValue"/>), <c>a / 2 + b / 2</c>.
    /// </summary>
    public static decimal MeanOfTwo(decimal a, decimal b)
    {
        try
        {
            return (a + b) / 2m;
        }
        catch (OverflowException)
        {
            return (a / 2m) + (b / 2m);
        }
    }
}
