using System.Globalization;
using Segmentation.Core.Dsl;
using static Segmentation.Analytics.Starter.StarterSegmentIds;

namespace Segmentation.Analytics.Starter;

/// <summary>The segments that need events and purchases: cart abandoners and browsers who never bought.</summary>
internal static class EventSegments
{
    public static void Define<TProfile>(ICatalogBuilder<TProfile> s, PurchaseAggregates<TProfile> orders, EventAggregates<TProfile> events, StarterOptions o)
    {
        s.Segment(CartAbandoner, "Cart abandoner")
            .Describe(Text($"A '{events.Types.CartAbandoned}' event and no order in the last {o.CartAbandonerWindowDays} days"))
            .Tagged("behavioral", "journey")
            .When(events.AnyOf(events.Types.CartAbandoned).InLast(o.CartAbandonerWindowDays))
            .And(orders.None.InLast(o.CartAbandonerWindowDays));

        s.Segment(BrowserNoPurchase, "Browser, no purchase")
            .Describe(Text($"At least {o.BrowserMinPageViews} '{events.Types.PageView}' events in the last {o.BrowserWindowDays} days and no order ever"))
            .Tagged("behavioral", "journey")
            .When(events.CountOf(events.Types.PageView).InLast(o.BrowserWindowDays).AtLeast(o.BrowserMinPageViews))
            .And(orders.None.Ever());
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
