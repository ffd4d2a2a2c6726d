namespace Segmentation.Cli.Reporting;

/// <summary>The numbers the CLI prints: computed once, rendered as a table, JSON or CSV.</summary>
internal sealed record CliReport
{
    /// <summary>Gets the name of the purchase log.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the evaluation date; purchases after it are invisible to the segments and count as "after as-of".</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Gets the spend in the last 365 days that made a customer high-value.</summary>
    public required decimal HighValueThreshold { get; init; }

    /// <summary>Gets the day of the first purchase in the log.</summary>
    public required DateOnly FirstPurchase { get; init; }

    /// <summary>Gets the day of the last purchase in the log.</summary>
    public required DateOnly LastPurchase { get; init; }

    /// <summary>Gets a value indicating whether the log has purchases after as-of, so that "bought after as-of" can be measured.</summary>
    public bool HasDataAfterAsOf => LastPurchase > AsOf;

    /// <summary>Gets what the reader of the report should know before trusting it (an as-of outside the data, ...).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Gets the number of customers in the log.</summary>
    public required int Customers { get; init; }

    /// <summary>Gets the number of customers with a purchase on or before as-of (the RFM population).</summary>
    public required int CustomersWithPurchases { get; init; }

    /// <summary>Gets the starter catalog's segments, group members first, in catalog order.</summary>
    public required IReadOnlyList<SegmentSize> Segments { get; init; }

    /// <summary>Gets how many customers the main segments share.</summary>
    public required OverlapMatrix Overlap { get; init; }

    /// <summary>Gets the RFM summary, or <see langword="null"/> when nobody had bought by as-of.</summary>
    public RfmSummary? Rfm { get; init; }
}

/// <summary>The size of a segment and what its customers did after as-of.</summary>
/// <param name="Id">The segment id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Group">The exclusive group the segment is a member of, if any.</param>
/// <param name="Customers">The number of customers in the segment.</param>
/// <param name="Share">The share of all customers.</param>
/// <param name="BoughtAfterAsOf">The number of its customers who bought again after as-of; <see langword="null"/> when the log has no data after as-of.</param>
/// <param name="BoughtAfterAsOfRate">Their share of the segment (0 for an empty segment); <see langword="null"/> when the log has no data after as-of.</param>
/// <param name="RevenueAfterAsOf">What its customers spent after as-of; <see langword="null"/> when the log has no data after as-of.</param>
internal sealed record SegmentSize(string Id, string Name, string? Group, int Customers, double Share, int? BoughtAfterAsOf, double? BoughtAfterAsOfRate, decimal? RevenueAfterAsOf);

/// <summary>The number of customers in both of two segments; the diagonal is each segment's size.</summary>
/// <param name="Segments">The segment ids, the rows and columns.</param>
/// <param name="Counts">The counts, <c>Counts[row][column]</c>.</param>
internal sealed record OverlapMatrix(IReadOnlyList<string> Segments, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>Gets the number of customers in both segments.</summary>
    /// <param name="first">One segment id.</param>
    /// <param name="second">The other segment id.</param>
    /// <returns>The count.</returns>
    public int Both(string first, string second) => Counts[IndexOf(first)][IndexOf(second)];

    private int IndexOf(string id) =>
        Segments.ToList().IndexOf(id) is var i and >= 0 ? i : throw new KeyNotFoundException($"'{id}' is not in the overlap matrix.");
}

/// <summary>RFM fitted on the customers who had bought by as-of.</summary>
/// <param name="Bins">The number of bins per dimension.</param>
/// <param name="Segments">The sizes of the named RFM segments, in rule order.</param>
/// <param name="Grid">Customers per recency × frequency score: <c>Grid[r - 1][f - 1]</c>.</param>
/// <param name="RecencyCutPoints">The fitted recency cut points in days.</param>
/// <param name="FrequencyCutPoints">The fitted frequency (repeat purchases) cut points.</param>
/// <param name="MonetaryCutPoints">The fitted monetary (total spend) cut points.</param>
/// <param name="Notes">How to read the scores: the cut points, and every score that nobody can get because cut points are tied.</param>
internal sealed record RfmSummary(
    int Bins,
    IReadOnlyList<SegmentSize> Segments,
    IReadOnlyList<IReadOnlyList<int>> Grid,
    IReadOnlyList<decimal> RecencyCutPoints,
    IReadOnlyList<decimal> FrequencyCutPoints,
    IReadOnlyList<decimal> MonetaryCutPoints,
    IReadOnlyList<string> Notes);
