namespace Segmentation.Analytics.Starter;

/// <summary>
/// The thresholds of a <see cref="StarterCatalog{TProfile}"/>. Windows are in days and follow the engine's semantics:
/// "in the last N days" means <c>asOf - N days &lt; t &lt;= asOf</c>. The catalog copies the options when it is created.
/// </summary>
public sealed class StarterOptions
{
    /// <summary>Gets or sets the number of orders in <see cref="LoyalWindowDays"/> that makes a profile <see cref="StarterSegmentIds.Loyal"/>.</summary>
    /// <value>The default value is 5.</value>
    public int LoyalMinOrders { get; set; } = 5;

    /// <summary>Gets or sets the window in which <see cref="LoyalMinOrders"/> are counted.</summary>
    /// <value>The default value is 365.</value>
    public int LoyalWindowDays { get; set; } = 365;

    /// <summary>
    /// Gets or sets the window in which a repeat or one-time customer must have ordered; a profile without an order in it is
    /// <see cref="StarterSegmentIds.Inactive"/>.
    /// </summary>
    /// <value>The default value is 365.</value>
    public int ActiveWindowDays { get; set; } = 365;

    /// <summary>Gets or sets the number of orders ever that puts a profile in the <see cref="StarterSegmentIds.PostPurchase"/> stage.</summary>
    /// <value>The default value is 2.</value>
    public int PostPurchaseMinOrders { get; set; } = 2;

    /// <summary>Gets or sets the window of a recent order that puts a profile in the <see cref="StarterSegmentIds.Purchase"/> stage.</summary>
    /// <value>The default value is 30.</value>
    public int PurchaseStageWindowDays { get; set; } = 30;

    /// <summary>Gets or sets the window of an add-to-cart event that puts a profile in the <see cref="StarterSegmentIds.Consideration"/> stage.</summary>
    /// <value>The default value is 30.</value>
    public int ConsiderationWindowDays { get; set; } = 30;

    /// <summary>Gets or sets the number of orders ever a <see cref="StarterSegmentIds.ChurnRisk"/> profile has placed.</summary>
    /// <value>The default value is 3.</value>
    public int ChurnRiskMinOrders { get; set; } = 3;

    /// <summary>Gets or sets the window without any order that makes a frequent buyer a <see cref="StarterSegmentIds.ChurnRisk"/>.</summary>
    /// <value>The default value is 90.</value>
    public int ChurnRiskQuietDays { get; set; } = 90;

    /// <summary>Gets or sets the window of a cart-abandoned event, without an order, for <see cref="StarterSegmentIds.CartAbandoner"/>.</summary>
    /// <value>The default value is 7.</value>
    public int CartAbandonerWindowDays { get; set; } = 7;

    /// <summary>Gets or sets the number of page views in <see cref="BrowserWindowDays"/> of a <see cref="StarterSegmentIds.BrowserNoPurchase"/>.</summary>
    /// <value>The default value is 3.</value>
    public int BrowserMinPageViews { get; set; } = 3;

    /// <summary>Gets or sets the window in which <see cref="BrowserMinPageViews"/> are counted.</summary>
    /// <value>The default value is 30.</value>
    public int BrowserWindowDays { get; set; } = 30;

    /// <summary>Gets or sets the spend in <see cref="HighValueWindowDays"/> that makes a profile <see cref="StarterSegmentIds.HighValue"/>.</summary>
    /// <value>The default value is 1000.</value>
    public decimal HighValueMinSpend { get; set; } = 1000m;

    /// <summary>
    /// Gets or sets an average order value in <see cref="HighValueWindowDays"/> that also makes a profile
    /// <see cref="StarterSegmentIds.HighValue"/>, or <see langword="null"/> to use spend only.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public decimal? HighValueMinAverageOrderValue { get; set; }

    /// <summary>Gets or sets the window of the high-value spend and average order value.</summary>
    /// <value>The default value is 365.</value>
    public int HighValueWindowDays { get; set; } = 365;

    /// <summary>Gets or sets how many days, as-of day included, <see cref="StarterSegmentIds.AnniversaryWeek"/> looks ahead.</summary>
    /// <value>The default value is 7.</value>
    public int AnniversaryWeekDays { get; set; } = 7;

    /// <summary>
    /// Gets or sets the tolerance around one year ago for <see cref="StarterSegmentIds.Seasonal"/>: an order between
    /// <c>365 - tolerance</c> (inclusive) and <c>365 + tolerance</c> (exclusive) days ago. Must be below 365.
    /// </summary>
    /// <value>The default value is 30.</value>
    public int SeasonalToleranceDays { get; set; } = 30;

    /// <summary>Gets the interests that get an <c>interest:{name}</c> segment (matched ignoring case) when interests are mapped.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> Interests { get; } = new List<string>();

    /// <summary>Gets the country sets that get a <c>region:{name}</c> segment (codes matched ignoring case) when the country is mapped.</summary>
    /// <value>The default value is one region, <c>eu</c>, with the countries of <see cref="StarterRegions.EuropeanUnion"/>.</value>
    public IDictionary<string, IReadOnlyCollection<string>> Regions { get; } =
        new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal) { ["eu"] = StarterRegions.EuropeanUnion };
}
