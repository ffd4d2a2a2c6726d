namespace Segmentation.Analytics.CustomerBase;

/// <summary>
/// The customer-base summary of one customer as of an observation end date, with the conventions of Fader, Hardie and
/// Lee (the <c>lifetimes</c> summary): records on the same day are one purchase with their values summed, and only
/// purchases on or before the as-of date count. A customer with no purchase up to the as-of date has
/// <see cref="HasPurchases"/> <see langword="false"/>, every count, duration and amount 0, and
/// <see cref="FirstPurchase"/>, <see cref="LastPurchase"/> and <see cref="DaysSinceLastPurchase"/> <see langword="null"/>
/// (see <see cref="NoPurchases"/>).
/// </summary>
public sealed record CustomerBaseFeatures
{
    private const double DaysPerWeek = 7.0;

    /// <summary>Gets the observation end date the summary was computed for.</summary>
    public required DateTime AsOf { get; init; }

    /// <summary>Gets a value indicating whether the customer made at least one purchase up to <see cref="AsOf"/>.</summary>
    public bool HasPurchases => PurchaseDays > 0;

    /// <summary>Gets the day of the first purchase, or <see langword="null"/> when there is none.</summary>
    public DateTime? FirstPurchase { get; init; }

    /// <summary>Gets the day of the last purchase up to <see cref="AsOf"/>, or <see langword="null"/> when there is none.</summary>
    public DateTime? LastPurchase { get; init; }

    /// <summary>Gets the number of distinct purchase days (purchases) up to <see cref="AsOf"/>.</summary>
    public int PurchaseDays { get; init; }

    /// <summary>Gets the number of repeat purchases: distinct purchase days minus one (0 when there is no purchase).</summary>
    public int Frequency => Math.Max(PurchaseDays - 1, 0);

    /// <summary>Gets the recency in days: from the first to the last purchase.</summary>
    public int RecencyDays { get; init; }

    /// <summary>Gets the recency in weeks (<see cref="RecencyDays"/> / 7).</summary>
    public double RecencyWeeks => RecencyDays / DaysPerWeek;

    /// <summary>Gets the customer's age <c>T</c> in days: from the first purchase to <see cref="AsOf"/>.</summary>
    public int AgeDays { get; init; }

    /// <summary>Gets the customer's age <c>T</c> in weeks (<see cref="AgeDays"/> / 7).</summary>
    public double AgeWeeks => AgeDays / DaysPerWeek;

    /// <summary>Gets the days from the last purchase to <see cref="AsOf"/>, or <see langword="null"/> when there is none.</summary>
    public int? DaysSinceLastPurchase { get; init; }

    /// <summary>Gets the total spend up to <see cref="AsOf"/>.</summary>
    public decimal TotalSpend { get; init; }

    /// <summary>Gets the historic value of the customer, which is <see cref="TotalSpend"/>.</summary>
    public decimal HistoricValue => TotalSpend;

    /// <summary>Gets the mean value of the repeat purchases (day totals, first day excluded); 0 when <see cref="Frequency"/> is 0.</summary>
    public decimal MonetaryValue { get; init; }

    /// <summary>Gets the total spend divided by the number of purchase days; 0 when there is no purchase.</summary>
    public decimal AverageOrderValue => PurchaseDays == 0 ? 0m : TotalSpend / PurchaseDays;

    /// <summary>Creates the summary of a customer without any purchase up to <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The observation end date.</param>
    /// <returns>A summary with <see cref="HasPurchases"/> <see langword="false"/> and every amount 0.</returns>
    public static CustomerBaseFeatures NoPurchases(DateTime asOf) => new() { AsOf = asOf };
}
