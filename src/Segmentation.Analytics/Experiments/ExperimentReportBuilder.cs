using Segmentation.Analytics.Measurement;

namespace Segmentation.Analytics.Experiments;

internal static class ExperimentReportBuilder
{
    public static ExperimentReport Build(MeasuredProfile[] profiles, IReadOnlyDictionary<string, string> variantByProfileId, string control, double confidenceLevel)
    {
        var criticalZ = NormalDistribution.Quantile(1 - ((1 - confidenceLevel) / 2));
        var population = new Dictionary<string, MetricsAccumulator>(StringComparer.Ordinal);
        var segments = new SortedDictionary<string, Dictionary<string, MetricsAccumulator>>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            if (!variantByProfileId.TryGetValue(profile.ProfileId, out var variant))
                continue;

            Cell(population, variant).Add(profile.Outcome);
            foreach (var segment in SegmentMeasurement.DistinctSegments(profile))
            {
                if (!segments.TryGetValue(segment, out var variants))
                    segments[segment] = variants = new Dictionary<string, MetricsAccumulator>(StringComparer.Ordinal);
                Cell(variants, variant).Add(profile.Outcome);
            }
        }

        return new ExperimentReport(
            control,
            confidenceLevel,
            Result(null, population, control, criticalZ),
            [.. segments.Select(s => Result(s.Key, s.Value, control, criticalZ))]);
    }

    private static MetricsAccumulator Cell(Dictionary<string, MetricsAccumulator> variants, string variant)
    {
        if (!variants.TryGetValue(variant, out var accumulator))
            variants[variant] = accumulator = new MetricsAccumulator();
        return accumulator;
    }

    private static SegmentExperimentResult Result(string? segmentId, Dictionary<string, MetricsAccumulator> variants, string control, double criticalZ)
    {
        var outcomes = variants
            .OrderBy(v => v.Key == control ? 0 : 1)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new VariantOutcome(v.Key, v.Value.Size, v.Value.Conversions, v.Value.ConversionRate))
            .ToArray();
        var controlOutcome = outcomes.FirstOrDefault(o => o.Variant == control);
        VariantComparison[] comparisons = controlOutcome is null
            ? []
            : [.. outcomes.Where(o => o.Variant != control).Select(o => TwoProportionTest.Compare(o, controlOutcome, criticalZ))];
        return new SegmentExperimentResult(segmentId, outcomes, comparisons);
    }
}
