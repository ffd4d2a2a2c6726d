namespace Segmentation.Analytics.Experiments;

internal static class NormalDistribution
{
    private const double LogSqrtTwoPi = 0.91893853320467274178;

    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        if (x < -10)
            return 0;
        if (x > 10)
            return 1;

        double sum = x, previous = 0, term = x, square = x * x;
        for (var i = 1.0; sum != previous;)
        {
            previous = sum;
            i += 2;
            term *= square / i;
            sum = previous + term;
        }

        return 0.5 + (sum * Math.Exp((-0.5 * square) - LogSqrtTwoPi));
    }

    public static double Quantile(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(probability, 1);
        double low = -10, high = 10;
        for (var i = 0; i < 200 && high - low > 1e-15; i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle) < probability)
                low = middle;
            else
                high = middle;
        }

        return (low + high) / 2;
    }
}
