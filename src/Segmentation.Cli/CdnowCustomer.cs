using Segmentation.Analytics.Purchases;

namespace Segmentation.Cli;

/// <summary>A customer of a purchase log: the profile type the CLI segments.</summary>
/// <param name="Id">The customer key from the log.</param>
/// <param name="Purchases">One purchase per day (records of the same day merged), in date order, including days after as-of.</param>
internal sealed record CdnowCustomer(string Id, IReadOnlyList<CdnowPurchase> Purchases)
{
    /// <summary>Groups log records into customers; records on the same day are one purchase, as in the CDNOW literature.</summary>
    /// <param name="records">The records.</param>
    /// <returns>The customers, ordered by id.</returns>
    public static IReadOnlyList<CdnowCustomer> FromRecords(IEnumerable<PurchaseRecord> records) =>
        [.. CustomerPurchases.GroupByCustomer(records).Select(c => new CdnowCustomer(c.CustomerId, MergeDays(c.Purchases)))];

    private static CdnowPurchase[] MergeDays(IEnumerable<PurchaseRecord> records) =>
        [.. records.GroupBy(r => r.Date.Date).Select(day => new CdnowPurchase(day.Key, day.Sum(r => r.Quantity), day.Sum(r => r.Amount)))];
}

/// <summary>One purchase day of a customer.</summary>
/// <param name="Date">The day, at midnight UTC.</param>
/// <param name="Quantity">The number of items bought that day.</param>
/// <param name="Amount">The value bought that day.</param>
internal readonly record struct CdnowPurchase(DateTime Date, int Quantity, decimal Amount);
