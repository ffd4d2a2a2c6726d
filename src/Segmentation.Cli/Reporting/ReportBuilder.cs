using Segmentation.Analytics.Measurement;
using Segmentation.Analytics.Rfm;
using Segmentation.Analytics.Starter;
using Segmentation.Core.Engine;

namespace Segmentation.Cli.Reporting;

/// <summary>Computes the <see cref="CliReport"/>: the starter catalog and RFM over every customer, measured with what they did after as-of.</summary>
internal static class ReportBuilder
{
    /// <summary>The prefix of the RFM segment ids in the overlap matrix.</summary>
    public const string RfmPrefix = "rfm:";

    private const int ProgressStep = 1000;

    /// <summary>Gets the segments of the overlap matrix.</summary>
    public static IReadOnlyList<string> OverlapSegments { get; } =
    [
        StarterSegmentIds.Loyal, StarterSegmentIds.Repeat, StarterSegmentIds.OneTime, StarterSegmentIds.ChurnRisk,
        StarterSegmentIds.HighValue, RfmPrefix + RfmSegmentIds.Champions, RfmPrefix + RfmSegmentIds.AtRisk,
    ];

    /// <summary>The starter catalog over CDNOW customers: purchases only, with the given high-value threshold.</summary>
    /// <param name="highValue">The spend in the last 365 days that makes a customer high-value.</param>
    /// <returns>The catalog.</returns>
    public static StarterCatalog<CdnowCustomer> Catalog(decimal highValue) => new(
        new StarterMapping<CdnowCustomer>().IdentifiedBy(c => c.Id).Purchases(c => c.Purchases, p => p.Date, p => p.Amount),
        new StarterOptions { HighValueMinSpend = highValue });

    /// <summary>Builds the report.</summary>
    /// <param name="customers">The customers, at least one.</param>
    /// <param name="source">The name of the log.</param>
    /// <param name="asOf">The evaluation date (midnight UTC): purchases on that day count, later ones do not.</param>
    /// <param name="highValue">The high-value threshold.</param>
    /// <param name="progress">Receives the number of customers evaluated so far.</param>
    /// <returns>The report.</returns>
    public static CliReport Build(IReadOnlyList<CdnowCustomer> customers, string source, DateTime asOf, decimal highValue, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0)
            throw new CliException($"{source} has no purchase records");

        var catalog = Catalog(highValue);
        var engine = SegmentEngine.Compile(catalog);
        var rfm = RfmScoring.Fit(customers, asOf);
        var groups = catalog.Definition.Groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var profiles = new MeasuredProfile[customers.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            var result = engine.Evaluate(customer, new DateTimeOffset(asOf, TimeSpan.Zero));
            if (result.HasFaults)
                throw new CliException($"customer {customer.Id}: {result.Faults[0]}");
            var segments = result.Segments.Where(s => !groups.Contains(s)).ToList();
            if (rfm?.SegmentOf(customer.Id) is { } rfmSegment)
                segments.Add(RfmPrefix + rfmSegment);
            profiles[i] = new MeasuredProfile(customer.Id, segments, OutcomeAfter(customer, asOf));
            if ((i + 1) % ProgressStep == 0 || i + 1 == customers.Count)
                progress?.Report(i + 1);
        }

        var measured = SegmentMeasurement.Measure(profiles);
        return new CliReport
        {
            Source = source,
            AsOf = DateOnly.FromDateTime(asOf),
            HighValueThreshold = highValue,
            Customers = customers.Count,
            CustomersWithPurchases = rfm?.Snapshot.PopulationSize ?? 0,
            Segments = [.. StarterSegments(catalog).Select(s => Size(measured, s.Id, s.Id, s.Name, s.Group))],
            Overlap = Overlap(measured),
            Rfm = rfm is null ? null : RfmSummaryOf(rfm, measured),
        };
    }

    private static IEnumerable<(string Id, string Name, string? Group)> StarterSegments(StarterCatalog<CdnowCustomer> catalog) =>
        catalog.Definition.Groups.SelectMany(g => g.Members.Select(m => (m.Id, m.Name, (string?)g.Id)))
            .Concat(catalog.Definition.Segments.Select(s => (s.Id, s.Name, (string?)null)));

    private static ProfileOutcome OutcomeAfter(CdnowCustomer customer, DateTime asOf)
    {
        var after = customer.Purchases.Where(p => p.Date > asOf).ToArray();
        return new ProfileOutcome(after.Length > 0, after.Sum(p => p.Amount), after.Length, after.Length > 0);
    }

    private static SegmentSize Size(SegmentReport report, string measuredId, string id, string name, string? group)
    {
        var metrics = report.Segments.FirstOrDefault(s => s.SegmentId == measuredId);
        return metrics is null
            ? new SegmentSize(id, name, group, 0, 0, 0, 0, 0m)
            : new SegmentSize(id, name, group, metrics.Size, metrics.Share, metrics.Conversions, metrics.ConversionRate, metrics.Revenue);
    }

    private static OverlapMatrix Overlap(SegmentReport report)
    {
        var ids = OverlapSegments;
        int Count(string a, string b) => a == b
            ? report.Segments.FirstOrDefault(s => s.SegmentId == a)?.Size ?? 0
            : report.Overlaps.FirstOrDefault(o => (o.First == a && o.Second == b) || (o.First == b && o.Second == a))?.Both ?? 0;
        return new OverlapMatrix(ids, [.. ids.Select(a => (IReadOnlyList<int>)[.. ids.Select(b => Count(a, b))])]);
    }

    private static RfmSummary RfmSummaryOf(RfmScoring rfm, SegmentReport report)
    {
        var bins = rfm.Snapshot.Bins;
        var grid = new int[bins][];
        for (var r = 0; r < bins; r++)
            grid[r] = new int[bins];
        foreach (var score in rfm.Scores)
            grid[score.R - 1][score.F - 1]++;

        return new RfmSummary(
            bins,
            [.. RfmScoring.Rules.Select(rule => Size(report, RfmPrefix + rule.Id, rule.Id, rule.Name, "rfm"))],
            [.. grid.Select(row => (IReadOnlyList<int>)row)],
            rfm.Snapshot.RecencyCutPoints,
            rfm.Snapshot.FrequencyCutPoints,
            rfm.Snapshot.MonetaryCutPoints);
    }
}
