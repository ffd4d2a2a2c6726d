using System.Globalization;

namespace Segmentation.Analytics.Starter;

internal static class StarterOptionsValidator
{
    public static void Validate(StarterOptions options)
    {
        var problems = new List<string>();
        AtLeast(problems, nameof(options.LoyalMinOrders), options.LoyalMinOrders, 1);
        AtLeast(problems, nameof(options.LoyalWindowDays), options.LoyalWindowDays, 1);
        AtLeast(problems, nameof(options.ActiveWindowDays), options.ActiveWindowDays, 1);
        AtLeast(problems, nameof(options.PostPurchaseMinOrders), options.PostPurchaseMinOrders, 1);
        AtLeast(problems, nameof(options.PurchaseStageWindowDays), options.PurchaseStageWindowDays, 1);
        AtLeast(problems, nameof(options.ConsiderationWindowDays), options.ConsiderationWindowDays, 1);
        AtLeast(problems, nameof(options.ChurnRiskMinOrders), options.ChurnRiskMinOrders, 1);
        AtLeast(problems, nameof(options.ChurnRiskQuietDays), options.ChurnRiskQuietDays, 1);
        AtLeast(problems, nameof(options.CartAbandonerWindowDays), options.CartAbandonerWindowDays, 1);
        AtLeast(problems, nameof(options.BrowserMinPageViews), options.BrowserMinPageViews, 1);
        AtLeast(problems, nameof(options.BrowserWindowDays), options.BrowserWindowDays, 1);
        AtLeast(problems, nameof(options.HighValueWindowDays), options.HighValueWindowDays, 1);
        AtLeast(problems, nameof(options.AnniversaryWeekDays), options.AnniversaryWeekDays, 1);
        AtLeast(problems, nameof(options.SeasonalToleranceDays), options.SeasonalToleranceDays, 1);
        if (options.SeasonalToleranceDays >= 365)
            problems.Add(Invariant($"{nameof(options.SeasonalToleranceDays)} must be below 365 (was {options.SeasonalToleranceDays})"));
        if (options.HighValueMinSpend < 0)
            problems.Add(Invariant($"{nameof(options.HighValueMinSpend)} must not be negative (was {options.HighValueMinSpend})"));
        if (options.HighValueMinAverageOrderValue < 0)
            problems.Add(Invariant($"{nameof(options.HighValueMinAverageOrderValue)} must not be negative (was {options.HighValueMinAverageOrderValue})"));
        if (options.Interests.Any(string.IsNullOrWhiteSpace))
            problems.Add($"{nameof(options.Interests)} must not contain a blank interest");
        foreach (var region in options.Regions.Where(r => string.IsNullOrWhiteSpace(r.Key) || r.Value is not { Count: > 0 }))
            problems.Add($"{nameof(options.Regions)} '{region.Key}' must have a name and at least one country");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid starter options: " + string.Join("; ", problems) + ".", nameof(options));
    }

    private static void AtLeast(List<string> problems, string name, int value, int minimum)
    {
        if (value < minimum)
            problems.Add(Invariant($"{name} must be at least {minimum} (was {value})"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
