namespace Segmentation.Analytics.Rfm;

/// <summary>
/// Fits RFM quantile cut points on a population and freezes them into an <see cref="RfmSnapshot"/>.
/// </summary>
/// <remarks>
/// For <c>b</c> bins and the population's values of one dimension sorted ascending, <c>v[1..n]</c>, cut point
/// <c>k</c> (1 &lt;= k &lt; b) is the nearest-rank quantile <c>v[ceil(k * n / b)]</c>: the smallest value with at least
/// <c>k / b</c> of the population at or below it. A value scores 1 + the number of cut points strictly below it (recency:
/// <c>b</c> − that number, so the fewest days scores highest). Ties therefore never split: equal values always get the
/// same score, a value equal to a cut point falls in the lower bin, and when many equal values make several cut points
/// equal (for example frequency mostly 0) the scores in between are skipped rather than spread over equal customers.
/// </remarks>
public static class RfmModel
{
    /// <summary>Fits the cut points of recency, frequency and monetary value on a population.</summary>
    /// <param name="population">The customers' measures; at least one.</param>
    /// <param name="options">The number of bins and as-of date; <see langword="null"/> for the defaults.</param>
    /// <returns>An immutable snapshot that scores any customer against this population.</returns>
    /// <exception cref="ArgumentException">The population is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number of bins is outside 2..10.</exception>
    public static RfmSnapshot Fit(IEnumerable<RfmInput> population, RfmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        options ??= new RfmOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bins, RfmOptions.MinBins, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Bins, RfmOptions.MaxBins, nameof(options));
        var inputs = population.ToArray();
        if (inputs.Length == 0)
            throw new ArgumentException("The population is empty: RFM cut points need at least one customer.", nameof(population));

        return new RfmSnapshot(
            options.Bins,
            [.. RfmQuantiles.CutPoints(inputs.Select(i => (decimal)i.RecencyDays), options.Bins)],
            [.. RfmQuantiles.CutPoints(inputs.Select(i => (decimal)i.Frequency), options.Bins)],
            [.. RfmQuantiles.CutPoints(inputs.Select(i => i.Monetary), options.Bins)],
            inputs.Length,
            options.AsOf);
    }
}
