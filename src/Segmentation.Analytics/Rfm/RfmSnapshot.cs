using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Segmentation.Analytics.Rfm;

/// <summary>
/// Frozen RFM cut points fitted by <see cref="RfmModel.Fit"/>: immutable, thread-safe, and serializable with
/// System.Text.Json (a round trip gives an equivalent snapshot). The scoring rule is described on <see cref="RfmModel"/>.
/// </summary>
public sealed class RfmSnapshot
{
    /// <summary>Creates a snapshot from its cut points, validating them.</summary>
    /// <param name="bins">The number of bins, 2..10.</param>
    /// <param name="recencyCutPoints">The ascending recency cut points in days, <paramref name="bins"/> − 1 of them.</param>
    /// <param name="frequencyCutPoints">The ascending frequency cut points, <paramref name="bins"/> − 1 of them.</param>
    /// <param name="monetaryCutPoints">The ascending monetary cut points, <paramref name="bins"/> − 1 of them.</param>
    /// <param name="populationSize">The number of customers the cut points were fitted on.</param>
    /// <param name="asOf">The observation date of the population, if known.</param>
    /// <exception cref="ArgumentException">A cut point list has the wrong length or is not ascending.</exception>
    [JsonConstructor]
    public RfmSnapshot(int bins, ImmutableArray<decimal> recencyCutPoints, ImmutableArray<decimal> frequencyCutPoints, ImmutableArray<decimal> monetaryCutPoints, int populationSize, DateTime? asOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, RfmOptions.MinBins);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, RfmOptions.MaxBins);
        ArgumentOutOfRangeException.ThrowIfNegative(populationSize);
        Bins = bins;
        RecencyCutPoints = Validate(recencyCutPoints, bins, nameof(recencyCutPoints));
        FrequencyCutPoints = Validate(frequencyCutPoints, bins, nameof(frequencyCutPoints));
        MonetaryCutPoints = Validate(monetaryCutPoints, bins, nameof(monetaryCutPoints));
        PopulationSize = populationSize;
        AsOf = asOf;
    }

    /// <summary>Gets the number of bins; every score is between 1 and this number.</summary>
    public int Bins { get; }

    /// <summary>Gets the ascending recency cut points, in days since the last purchase.</summary>
    public ImmutableArray<decimal> RecencyCutPoints { get; }

    /// <summary>Gets the ascending frequency cut points.</summary>
    public ImmutableArray<decimal> FrequencyCutPoints { get; }

    /// <summary>Gets the ascending monetary cut points.</summary>
    public ImmutableArray<decimal> MonetaryCutPoints { get; }

    /// <summary>Gets the number of customers the cut points were fitted on.</summary>
    public int PopulationSize { get; }

    /// <summary>Gets the observation date of the population, if it was given.</summary>
    public DateTime? AsOf { get; }

    /// <summary>Scores a customer against the frozen cut points.</summary>
    /// <param name="input">The customer's measures; the customer need not be part of the fitted population.</param>
    /// <returns>The score, each dimension from 1 to <see cref="Bins"/>; recency is reversed so the most recent score highest.</returns>
    public RfmScore Score(RfmInput input) => new(
        Bins - RfmQuantiles.CountBelow(RecencyCutPoints.AsSpan(), input.RecencyDays),
        1 + RfmQuantiles.CountBelow(FrequencyCutPoints.AsSpan(), input.Frequency),
        1 + RfmQuantiles.CountBelow(MonetaryCutPoints.AsSpan(), input.Monetary));

    private static ImmutableArray<decimal> Validate(ImmutableArray<decimal> cutPoints, int bins, string name)
    {
        if (cutPoints.IsDefault || cutPoints.Length != bins - 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {bins - 1} cut points for {bins} bins."), name);
        for (var i = 1; i < cutPoints.Length; i++)
        {
            if (cutPoints[i] < cutPoints[i - 1])
                throw new ArgumentException("Cut points must be in ascending order.", name);
        }

        return cutPoints;
    }
}
