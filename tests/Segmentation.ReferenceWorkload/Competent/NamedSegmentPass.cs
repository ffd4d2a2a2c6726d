namespace Segmentation.ReferenceWorkload;

/// <summary>
/// The 12 reference segments the way a competent engineer writes them by hand: cut-offs and age computed once, one pass
/// over the orders and one over the events collecting every count and flag the segments need, then each segment as
/// one line of boolean logic. Windows are <c>asOf - span &lt; t &lt;= asOf</c>; facts after as-of are invisible.
/// </summary>
public static class NamedSegmentPass
{
    /// <summary>Evaluates the 12 segments into <paramref name="memberships"/> (order of <see cref="HandWrittenSegments.Ids"/>).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="facts">The customer's cut-offs and age, computed once.</param>
    /// <param name="memberships">At least 12 entries.</param>
    /// <param name="windows">Receives the age and, when <paramref name="collectWindows"/> is set, the 30/90/180/365-day order counts and spend, from the same pass.</param>
    /// <param name="collectWindows">Whether to collect the window counts and spend.</param>
    public static void Evaluate(Customer customer, in CompetentFacts facts, Span<bool> memberships, ref WindowFacts windows, bool collectWindows)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (memberships.Length < HandWrittenSegments.Count)
        {
            throw new ArgumentException("The span must hold at least 12 memberships.", nameof(memberships));
        }

        var asOfUtc = facts.AsOf;
        var d7 = facts.D7;
        var d30 = facts.D30;
        var d90 = facts.D90;
        var d180 = facts.D180;
        var d365 = facts.D365;

        int ever = 0, in365 = 0, outdoor180 = 0;
        bool in90 = false, in7 = false;
        var spend365 = 0m;
        var orders = customer.Orders;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            var at = order.At;
            if (at > asOfUtc)
            {
                continue;
            }

            ever++;
            if (at <= d365)
            {
                continue;
            }

            in365++;
            spend365 += order.Amount;
            if (collectWindows)
            {
                windows.Count365++;
                windows.Sum365 += order.Amount;
            }

            if (at <= d180)
            {
                continue;
            }

            if (string.Equals(order.Category, Workload.Outdoor, StringComparison.Ordinal))
            {
                outdoor180++;
            }

            if (collectWindows)
            {
                windows.Count180++;
                windows.Sum180 += order.Amount;
            }

            if (at <= d90)
            {
                continue;
            }

            in90 = true;
            if (collectWindows)
            {
                windows.Count90++;
                windows.Sum90 += order.Amount;
                if (at > d30)
                {
                    windows.Count30++;
                    windows.Sum30 += order.Amount;
                }
            }

            in7 |= at > d7;
        }

        bool review = false, cartAbandoned7 = false;
        int pageViews30 = 0, emailClicks30 = 0;
        var events = customer.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var at = e.At;
            if (at > asOfUtc)
            {
                continue;
            }

            var type = e.Type;
            if (string.Equals(type, EventTypes.Review, StringComparison.Ordinal))
            {
                review = true;
            }
            else if (at > d30)
            {
                if (string.Equals(type, EventTypes.PageView, StringComparison.Ordinal))
                {
                    pageViews30++;
                }
                else if (string.Equals(type, EventTypes.EmailClick, StringComparison.Ordinal))
                {
                    emailClicks30++;
                }
                else if (at > d7 && string.Equals(type, EventTypes.CartAbandoned, StringComparison.Ordinal))
                {
                    cartAbandoned7 = true;
                }
            }
        }

        var age = facts.Age;
        var highValue = spend365 >= 1000m;
        var churnRisk = ever >= 3 && !in90;
        memberships[HandWrittenSegments.Loyal] = in365 >= 5 && (customer.NpsScore >= 9 || review);
        memberships[HandWrittenSegments.OneTime] = ever == 1 && !in90;
        memberships[HandWrittenSegments.ChurnRisk] = churnRisk;
        memberships[HandWrittenSegments.CartAbandoner] = cartAbandoned7 && !in7;
        memberships[HandWrittenSegments.BrowserNoPurchase] = pageViews30 >= 3 && ever == 0;
        memberships[HandWrittenSegments.HighValue] = highValue;
        memberships[HandWrittenSegments.YoungUrban] = age >= 18 && age <= 29 && Workload.UrbanCities.Contains(customer.City);
        memberships[HandWrittenSegments.Eu] = Workload.EuCountries.Contains(customer.Country);
        memberships[HandWrittenSegments.OutdoorSegment] = outdoor180 >= 2 || customer.Interests.Contains(Workload.Outdoor);
        memberships[HandWrittenSegments.BirthdayMonth] = customer.BirthDate.Month == asOfUtc.Month;
        memberships[HandWrittenSegments.EmailEngaged] = emailClicks30 >= 2;
        memberships[HandWrittenSegments.VipAtRisk] = highValue && churnRisk;
        windows.Age = age;
    }
}
