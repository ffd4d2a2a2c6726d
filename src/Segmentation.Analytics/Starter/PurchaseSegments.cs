using System.Globalization;
using Segmentation.Core.Dsl;
using static Segmentation.Analytics.Starter.StarterSegmentIds;

namespace Segmentation.Analytics.Starter;

/// <summary>The segments that need only the purchases: engagement, journey stage, churn risk, high value, seasonal.</summary>
internal static class PurchaseSegments
{
    private const int DaysPerYear = 365;

    public static void Define<TProfile>(ICatalogBuilder<TProfile> s, PurchaseAggregates<TProfile> orders, EventAggregates<TProfile>? events, StarterOptions o)
    {
        s.Group(Engagement, "Engagement level")
            .Describe(Text($"Loyal: >= {o.LoyalMinOrders} orders in {o.LoyalWindowDays} days; repeat / one-time: 2+ / 1 orders ever, one in {o.ActiveWindowDays} days; otherwise inactive"))
            .Member(Loyal, "Loyal", orders.Count.InLast(o.LoyalWindowDays).AtLeast(o.LoyalMinOrders))
            .Member(Repeat, "Repeat", orders.Count.Ever().AtLeast(2), orders.Any.InLast(o.ActiveWindowDays))
            .Member(OneTime, "One-time", orders.Count.Ever().EqualTo(1), orders.Any.InLast(o.ActiveWindowDays))
            .Otherwise(Inactive, "Inactive");

        var journey = s.Group(JourneyStage, "Journey stage")
            .Describe("Post-purchase, purchase, consideration (with events), otherwise awareness; first match wins")
            .Member(PostPurchase, "Post-purchase", orders.Count.Ever().AtLeast(o.PostPurchaseMinOrders))
            .Member(Purchase, "Purchase", orders.Any.InLast(o.PurchaseStageWindowDays));
        if (events is not null)
            journey.Member(Consideration, "Consideration", events.AnyOf(events.Types.AddToCart).InLast(o.ConsiderationWindowDays));
        journey.Otherwise(Awareness, "Awareness");

        s.Segment(ChurnRisk, "Churn risk")
            .Describe(Text($"At least {o.ChurnRiskMinOrders} orders ever and none in the last {o.ChurnRiskQuietDays} days"))
            .Tagged("behavioral", "retention")
            .When(orders.Count.Ever().AtLeast(o.ChurnRiskMinOrders))
            .And(orders.None.InLast(o.ChurnRiskQuietDays));

        var spend = orders.Spend.InLast(o.HighValueWindowDays).AtLeast(o.HighValueMinSpend);
        s.Segment(HighValue, "High value")
            .Describe(o.HighValueMinAverageOrderValue is { } aov
                ? Text($"Spent at least {o.HighValueMinSpend} or averaged at least {aov} per order in the last {o.HighValueWindowDays} days")
                : Text($"Spent at least {o.HighValueMinSpend} in the last {o.HighValueWindowDays} days"))
            .Tagged("behavioral", "value")
            .When(o.HighValueMinAverageOrderValue is { } minimum ? spend | orders.AverageOrderValue.InLast(o.HighValueWindowDays).AtLeast(minimum) : spend);

        s.Segment(Seasonal, "Seasonal buyer")
            .Describe(Text($"Ordered between {DaysPerYear - o.SeasonalToleranceDays} and {DaysPerYear + o.SeasonalToleranceDays} days ago (around this time last year)"))
            .Tagged("behavioral", "occasion")
            .When(orders.Any.BetweenDaysAgo(DaysPerYear - o.SeasonalToleranceDays, DaysPerYear + o.SeasonalToleranceDays));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
