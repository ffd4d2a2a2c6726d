using Segmentation.Analytics.Purchases;

namespace Segmentation.Analytics.CustomerBase;

/// <summary>Computes <see cref="CustomerBaseFeatures"/> from a customer's purchases as of an explicit observation end date.</summary>
public static class CustomerBaseCalculator
{
    /// <summary>Computes the customer-base summary of one customer's purchases.</summary>
    /// <param name="purchases">The customer's purchases in any order; the time of day is ignored.</param>
    /// <param name="asOf">The observation end day (time of day ignored); purchases on later days (the holdout) are ignored.</param>
    /// <returns>The summary, or <see cref="CustomerBaseFeatures.NoPurchases"/> when nothing was bought up to <paramref name="asOf"/>.</returns>
    public static CustomerBaseFeatures Compute(IEnumerable<(DateTime At, decimal Amount)> purchases, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var days = DayTotals(purchases, asOf);
        if (days.Length == 0)
            return CustomerBaseFeatures.NoPurchases(asOf);

        var first = days[0];
        var last = days[^1];
        var total = days.Sum(d => d.Amount);
        var repeats = days.Length - 1;
        return new CustomerBaseFeatures
        {
            AsOf = asOf,
            FirstPurchase = first.Day,
            LastPurchase = last.Day,
            PurchaseDays = days.Length,
            RecencyDays = (last.Day - first.Day).Days,
            AgeDays = (asOf.Date - first.Day).Days,
            DaysSinceLastPurchase = (asOf.Date - last.Day).Days,
            TotalSpend = total,
            MonetaryValue = repeats == 0 ? 0m : (total - first.Amount) / repeats,
        };
    }

    /// <summary>Computes the customer-base summary of one customer's purchase records.</summary>
    /// <param name="purchases">The customer's records in any order (all assumed to belong to the same customer).</param>
    /// <param name="asOf">The observation end day (time of day ignored); records on later days are ignored.</param>
    /// <returns>The summary, or <see cref="CustomerBaseFeatures.NoPurchases"/> when nothing was bought up to <paramref name="asOf"/>.</returns>
    public static CustomerBaseFeatures Compute(IEnumerable<PurchaseRecord> purchases, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        return Compute(purchases.Select(p => (p.Date, p.Amount)), asOf);
    }

    /// <summary>Computes the summary of every customer.</summary>
    /// <param name="customers">The customers, for example from <see cref="CustomerPurchases.GroupByCustomer"/>.</param>
    /// <param name="asOf">The observation end date.</param>
    /// <returns>The summaries by customer id (ordinal comparison).</returns>
    public static IReadOnlyDictionary<string, CustomerBaseFeatures> ComputeAll(IEnumerable<CustomerPurchases> customers, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(customers);
        return customers.ToDictionary(c => c.CustomerId, c => Compute(c.Purchases, asOf), StringComparer.Ordinal);
    }

    /// <summary>Sums the purchases made in the <paramref name="days"/> days ending at <paramref name="asOf"/>.</summary>
    /// <param name="purchases">The customer's purchases.</param>
    /// <param name="asOf">The last day of the window (inclusive).</param>
    /// <param name="days">The window length in days, at least 1: the window is the days after <c>asOf - days</c> up to and including <paramref name="asOf"/>.</param>
    /// <returns>The spend in the window.</returns>
    public static decimal SpendInWindow(IEnumerable<(DateTime At, decimal Amount)> purchases, DateTime asOf, int days)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var start = asOf.Date.AddDays(-days);
        return purchases.Where(p => p.At.Date > start && p.At.Date <= asOf.Date).Sum(p => p.Amount);
    }

    private static (DateTime Day, decimal Amount)[] DayTotals(IEnumerable<(DateTime At, decimal Amount)> purchases, DateTime asOf) =>
        purchases
            .Where(p => p.At.Date <= asOf.Date)
            .GroupBy(p => p.At.Date)
            .Select(g => (Day: g.Key, Amount: g.Sum(p => p.Amount)))
            .OrderBy(d => d.Day)
            .ToArray();
}
