namespace Segmentation.Analytics.Purchases;

/// <summary>All purchases of one customer, sorted by date.</summary>
/// <param name="CustomerId">The customer key.</param>
/// <param name="Purchases">The customer's purchases in ascending date order (input order kept within a day).</param>
public sealed record CustomerPurchases(string CustomerId, IReadOnlyList<PurchaseRecord> Purchases)
{
    /// <summary>Groups purchase records by customer.</summary>
    /// <param name="records">The records, in any order.</param>
    /// <returns>One entry per customer, ordered by customer id (ordinal), each with its purchases sorted by date.</returns>
    public static IReadOnlyList<CustomerPurchases> GroupByCustomer(IEnumerable<PurchaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .GroupBy(r => r.CustomerId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CustomerPurchases(g.Key, g.OrderBy(r => r.Date).ToArray()))
            .ToArray();
    }
}
