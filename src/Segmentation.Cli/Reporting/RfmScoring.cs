using Segmentation.Analytics.CustomerBase;
using Segmentation.Analytics.Rfm;

namespace Segmentation.Cli.Reporting;

/// <summary>RFM fitted on the customers who had bought by as-of: frequency is repeat purchases, monetary is total spend.</summary>
internal sealed class RfmScoring
{
    private readonly Dictionary<string, RfmScore> scores;

    private RfmScoring(RfmSnapshot snapshot, Dictionary<string, RfmScore> scores)
    {
        Snapshot = snapshot;
        this.scores = scores;
    }

    public RfmSnapshot Snapshot { get; }

    public static RfmSegments Rules { get; } = RfmSegments.Default;

    public IReadOnlyCollection<RfmScore> Scores => scores.Values;

    /// <summary>Fits the cut points and scores every customer who had bought by as-of.</summary>
    /// <param name="customers">The customers.</param>
    /// <param name="asOf">The observation date.</param>
    /// <returns>The scoring, or <see langword="null"/> when nobody had bought by as-of.</returns>
    public static RfmScoring? Fit(IEnumerable<CdnowCustomer> customers, DateTime asOf)
    {
        var inputs = customers
            .Select(c => (c.Id, Features: CustomerBaseCalculator.Compute(c.Purchases.Select(p => (p.Date, p.Amount)), asOf)))
            .Where(c => c.Features.HasPurchases)
            .Select(c => RfmInput.FromFeatures(c.Id, c.Features))
            .ToArray();
        if (inputs.Length == 0)
            return null;

        var snapshot = RfmModel.Fit(inputs, new RfmOptions { AsOf = asOf });
        return new RfmScoring(snapshot, inputs.ToDictionary(i => i.CustomerId, snapshot.Score, StringComparer.Ordinal));
    }

    /// <summary>The named RFM segment of a customer.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <returns>The segment id, or <see langword="null"/> when the customer had not bought by as-of.</returns>
    public string? SegmentOf(string customerId) => scores.TryGetValue(customerId, out var score) ? Rules.Classify(score) : null;
}
