namespace Segmentation.Analytics.Rfm;

internal static class RfmQuantiles
{
    public static decimal[] CutPoints(IEnumerable<decimal> values, int bins)
    {
        var sorted = values.Order().ToArray();
        var cutPoints = new decimal[bins - 1];
        for (var k = 1; k < bins; k++)
        {
            var rank = (int)(((long)k * sorted.Length + bins - 1) / bins);
            cutPoints[k - 1] = sorted[rank - 1];
        }

        return cutPoints;
    }

    public static int CountBelow(ReadOnlySpan<decimal> cutPoints, decimal value)
    {
        var count = 0;
        foreach (var cutPoint in cutPoints)
        {
            if (cutPoint < value)
                count++;
        }

        return count;
    }
}
