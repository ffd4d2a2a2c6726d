namespace Segmentation.Analytics.Starter;

/// <summary>The ids of the segments, groups and group members of a <see cref="StarterCatalog{TProfile}"/>.</summary>
public static class StarterSegmentIds
{
    /// <summary>The exclusive engagement group: <see cref="Loyal"/>, <see cref="Repeat"/>, <see cref="OneTime"/>, or <see cref="Inactive"/>.</summary>
    public const string Engagement = "engagement";

    /// <summary>Engagement: at least <see cref="StarterOptions.LoyalMinOrders"/> orders in the last <see cref="StarterOptions.LoyalWindowDays"/> days.</summary>
    public const string Loyal = "loyal";

    /// <summary>Engagement: at least two orders ever and one in the last <see cref="StarterOptions.ActiveWindowDays"/> days.</summary>
    public const string Repeat = "repeat";

    /// <summary>Engagement: exactly one order ever, placed in the last <see cref="StarterOptions.ActiveWindowDays"/> days.</summary>
    public const string OneTime = "one-time";

    /// <summary>Engagement fallback: no order in the last <see cref="StarterOptions.ActiveWindowDays"/> days (including profiles that never ordered).</summary>
    public const string Inactive = "inactive";

    /// <summary>The exclusive journey-stage group: <see cref="PostPurchase"/>, <see cref="Purchase"/>, <see cref="Consideration"/>, or <see cref="Awareness"/>.</summary>
    public const string JourneyStage = "journey-stage";

    /// <summary>Journey stage: at least <see cref="StarterOptions.PostPurchaseMinOrders"/> orders ever.</summary>
    public const string PostPurchase = "post-purchase";

    /// <summary>Journey stage: an order in the last <see cref="StarterOptions.PurchaseStageWindowDays"/> days.</summary>
    public const string Purchase = "purchase";

    /// <summary>Journey stage: an add-to-cart event in the last <see cref="StarterOptions.ConsiderationWindowDays"/> days (only when events are mapped).</summary>
    public const string Consideration = "consideration";

    /// <summary>Journey stage fallback: every profile no earlier stage took.</summary>
    public const string Awareness = "awareness";

    /// <summary>Bought often, not recently: at least <see cref="StarterOptions.ChurnRiskMinOrders"/> orders ever and none in the last <see cref="StarterOptions.ChurnRiskQuietDays"/> days.</summary>
    public const string ChurnRisk = "churn-risk";

    /// <summary>A cart-abandoned event and no order in the last <see cref="StarterOptions.CartAbandonerWindowDays"/> days.</summary>
    public const string CartAbandoner = "cart-abandoner";

    /// <summary>At least <see cref="StarterOptions.BrowserMinPageViews"/> page views in the last <see cref="StarterOptions.BrowserWindowDays"/> days and no order ever.</summary>
    public const string BrowserNoPurchase = "browser-no-purchase";

    /// <summary>Spent at least <see cref="StarterOptions.HighValueMinSpend"/> in the last <see cref="StarterOptions.HighValueWindowDays"/> days (or, when set, reached <see cref="StarterOptions.HighValueMinAverageOrderValue"/>).</summary>
    public const string HighValue = "high-value";

    /// <summary>The birthday falls in the as-of month.</summary>
    public const string BirthdayMonth = "birthday-month";

    /// <summary>The sign-up anniversary falls within the next <see cref="StarterOptions.AnniversaryWeekDays"/> days, as-of day included.</summary>
    public const string AnniversaryWeek = "anniversary-week";

    /// <summary>Bought around this time last year: an order between 365 − and 365 + <see cref="StarterOptions.SeasonalToleranceDays"/> days ago.</summary>
    public const string Seasonal = "seasonal-buyer";

    /// <summary>The prefix of the interest segments, such as <c>interest:music</c>.</summary>
    public const string InterestPrefix = "interest:";

    /// <summary>The prefix of the region segments, such as <c>region:eu</c>.</summary>
    public const string RegionPrefix = "region:";

    /// <summary>The id of the segment of an interest configured in <see cref="StarterOptions.Interests"/>.</summary>
    /// <param name="interest">The interest, such as <c>music</c>.</param>
    /// <returns>The id, such as <c>interest:music</c>.</returns>
    public static string Interest(string interest) => InterestPrefix + interest;

    /// <summary>The id of the segment of a region configured in <see cref="StarterOptions.Regions"/>.</summary>
    /// <param name="region">The region, such as <c>eu</c>.</param>
    /// <returns>The id, such as <c>region:eu</c>.</returns>
    public static string Region(string region) => RegionPrefix + region;
}
