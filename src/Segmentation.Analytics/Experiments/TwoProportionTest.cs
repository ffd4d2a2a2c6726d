namespace Segmentation.Analytics.Experiments;

internal static class TwoProportionTest
{
    public static VariantComparison Compare(VariantOutcome variant, VariantOutcome control, double criticalZ)
    {
        var p1 = variant.ConversionRate;
        var p0 = control.ConversionRate;
        var difference = p1 - p0;
        var unpooled = Math.Sqrt((p1 * (1 - p1) / variant.Size) + (p0 * (1 - p0) / control.Size));
        var pooledRate = (double)(variant.Conversions + control.Conversions) / (variant.Size + control.Size);
        var pooled = Math.Sqrt(pooledRate * (1 - pooledRate) * ((1.0 / variant.Size) + (1.0 / control.Size)));
        var z = pooled == 0 ? 0 : difference / pooled;
        return new VariantComparison(
            variant.Variant,
            control.Variant,
            difference,
            difference - (criticalZ * unpooled),
            difference + (criticalZ * unpooled),
            z,
            2 * NormalDistribution.Cdf(-Math.Abs(z)));
    }
}
