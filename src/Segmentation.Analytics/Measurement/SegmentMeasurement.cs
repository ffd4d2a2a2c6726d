using Segmentation.Analytics.Experiments;

namespace Segmentation.Analytics.Measurement;

/// <summary>Measures how segments perform: outcome metrics per segment, overlaps, and experiment results per segment and variant.</summary>
public static class SegmentMeasurement
{
    /// <summary>Computes the metrics of the population and of every segment, and the overlap of every pair of segments.</summary>
    /// <param name="profiles">The measured profiles; at least one, with distinct ids.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">There is no profile, or a profile id is repeated.</exception>
    public static SegmentReport Measure(IEnumerable<MeasuredProfile> profiles)
    {
        var list = Validated(profiles);
        var population = new MetricsAccumulator();
        var segments = new SortedDictionary<string, MetricsAccumulator>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), int>();
        foreach (var profile in list)
        {
            population.Add(profile.Outcome);
            var ids = DistinctSegments(profile);
            foreach (var id in ids)
                Accumulator(segments, id).Add(profile.Outcome);
            for (var i = 0; i < ids.Length; i++)
            {
                for (var j = i + 1; j < ids.Length; j++)
                    pairs[(ids[i], ids[j])] = pairs.GetValueOrDefault((ids[i], ids[j])) + 1;
            }
        }

        return new SegmentReport(
            population.ToMetrics(null, population),
            [.. segments.Select(s => s.Value.ToMetrics(s.Key, population))],
            Overlaps(segments, pairs));
    }

    /// <summary>
    /// Compares experiment variants, for the whole population and within every segment: size, conversions and conversion
    /// rate per variant, and for each non-control variant the difference in conversion rate against the control with a
    /// two-proportion z-test (see <see cref="VariantComparison"/>).
    /// </summary>
    /// <param name="profiles">The measured profiles; at least one, with distinct ids.</param>
    /// <param name="variantByProfileId">The variant of each profile; profiles without an entry are not in the experiment and are skipped.</param>
    /// <param name="controlVariant">The name of the control variant.</param>
    /// <param name="confidenceLevel">The confidence level of the intervals, strictly between 0 and 1.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">There is no profile, or a profile id is repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static ExperimentReport MeasureExperiment(
        IEnumerable<MeasuredProfile> profiles,
        IReadOnlyDictionary<string, string> variantByProfileId,
        string controlVariant,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(variantByProfileId);
        ArgumentException.ThrowIfNullOrEmpty(controlVariant);
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be strictly between 0 and 1.");

        var list = Validated(profiles);
        return ExperimentReportBuilder.Build(list, variantByProfileId, controlVariant, confidenceLevel);
    }

    internal static string[] DistinctSegments(MeasuredProfile profile) =>
        [.. profile.Segments.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static MeasuredProfile[] Validated(IEnumerable<MeasuredProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var list = profiles.ToArray();
        if (list.Length == 0)
            throw new ArgumentException("There is no profile to measure.", nameof(profiles));

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in list)
        {
            ArgumentNullException.ThrowIfNull(profile, nameof(profiles));
            if (!ids.Add(profile.ProfileId))
                throw new ArgumentException($"Profile '{profile.ProfileId}' appears more than once.", nameof(profiles));
        }

        return list;
    }

    private static MetricsAccumulator Accumulator(IDictionary<string, MetricsAccumulator> segments, string id)
    {
        if (!segments.TryGetValue(id, out var accumulator))
            segments[id] = accumulator = new MetricsAccumulator();
        return accumulator;
    }

    private static SegmentOverlap[] Overlaps(SortedDictionary<string, MetricsAccumulator> segments, Dictionary<(string, string), int> pairs)
    {
        var ids = segments.Keys.ToArray();
        var overlaps = new List<SegmentOverlap>();
        for (var i = 0; i < ids.Length; i++)
        {
            for (var j = i + 1; j < ids.Length; j++)
            {
                var both = pairs.GetValueOrDefault((ids[i], ids[j]));
                var either = segments[ids[i]].Size + segments[ids[j]].Size - both;
                overlaps.Add(new SegmentOverlap(ids[i], ids[j], both, (double)both / either));
            }
        }

        return [.. overlaps];
    }
}
