namespace Segmentation.ReferenceWorkload;

/// <summary>
/// The hand-written C# baseline of the 12 reference segments: the practical limit an engine is measured against.
/// </summary>
/// <remarks>
/// Written the way a competent developer would write the segments by hand: plain <c>for</c> loops over the
/// lists, no LINQ, no allocation, one small helper loop per condition (helpers such as
/// <see cref="CountOrders"/> are shared), short-circuiting where a condition already decides the segment, and
/// vip-at-risk reusing the high-value and churn-risk results. It deliberately does <em>not</em> fuse every
/// segment's counts and sums into one hand-tuned pass over the orders and events: that is a per-catalog
/// optimization nobody maintains by hand, and it would make the baseline measure something other than the
/// segment definitions. Windows are <c>asOf - span &lt; t &lt;= asOf</c>; facts after as-of are invisible.
/// </remarks>
public static class HandWrittenSegments
{
    /// <summary>The number of segments.</summary>
    public const int Count = 12;

    /// <summary>Index of loyal in <see cref="Ids"/>.</summary>
    public const int Loyal = 0;

    /// <summary>Index of one-time in <see cref="Ids"/>.</summary>
    public const int OneTime = 1;

    /// <summary>Index of churn-risk in <see cref="Ids"/>.</summary>
    public const int ChurnRisk = 2;

    /// <summary>Index of cart-abandoner in <see cref="Ids"/>.</summary>
    public const int CartAbandoner = 3;

    /// <summary>Index of browser-no-purchase in <see cref="Ids"/>.</summary>
    public const int BrowserNoPurchase = 4;

    /// <summary>Index of high-value in <see cref="Ids"/>.</summary>
    public const int HighValue = 5;

    /// <summary>Index of young-urban in <see cref="Ids"/>.</summary>
    public const int YoungUrban = 6;

    /// <summary>Index of eu in <see cref="Ids"/>.</summary>
    public const int Eu = 7;

    /// <summary>Index of outdoor in <see cref="Ids"/>.</summary>
    public const int OutdoorSegment = 8;

    /// <summary>Index of birthday-month in <see cref="Ids"/>.</summary>
    public const int BirthdayMonth = 9;

    /// <summary>Index of email-engaged in <see cref="Ids"/>.</summary>
    public const int EmailEngaged = 10;

    /// <summary>Index of vip-at-risk in <see cref="Ids"/>.</summary>
    public const int VipAtRisk = 11;

    /// <summary>The segment ids, in the order memberships are written.</summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        "loyal", "one-time", "churn-risk", "cart-abandoner", "browser-no-purchase", "high-value",
        "young-urban", "eu", "outdoor", "birthday-month", "email-engaged", "vip-at-risk",
    ];

    /// <summary>Evaluates the 12 segments for one customer as of an instant.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <param name="memberships">Receives the memberships, in the order of <see cref="Ids"/>; at least 12 long.</param>
    public static void Evaluate(Customer customer, DateTimeOffset asOf, Span<bool> memberships) =>
        Evaluate(customer, asOf.UtcDateTime, memberships);

    /// <summary>Evaluates the 12 segments for one customer as of an instant.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOfUtc">The evaluation instant, in UTC.</param>
    /// <param name="memberships">Receives the memberships, in the order of <see cref="Ids"/>; at least 12 long.</param>
    public static void Evaluate(Customer customer, DateTime asOfUtc, Span<bool> memberships)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (memberships.Length < Count)
        {
            throw new ArgumentException("The span must hold at least 12 memberships.", nameof(memberships));
        }

        var orders = customer.Orders;
        var events = customer.Events;
        var d7 = asOfUtc.AddDays(-7);
        var d30 = asOfUtc.AddDays(-30);
        var d90 = asOfUtc.AddDays(-90);
        var d180 = asOfUtc.AddDays(-180);
        var d365 = asOfUtc.AddDays(-365);

        memberships[Loyal] = CountOrders(orders, d365, asOfUtc) >= 5
            && (customer.NpsScore >= 9 || AnyEventEver(events, EventTypes.Review, asOfUtc));

        memberships[OneTime] = IsOneTime(orders, d90, asOfUtc);

        memberships[ChurnRisk] = CountOrdersEver(orders, asOfUtc) >= 3
            && !AnyOrder(orders, d90, asOfUtc);

        memberships[CartAbandoner] = AnyEvent(events, EventTypes.CartAbandoned, d7, asOfUtc)
            && !AnyOrder(orders, d7, asOfUtc);

        memberships[BrowserNoPurchase] = CountEvents(events, EventTypes.PageView, d30, asOfUtc) >= 3
            && !AnyOrderEver(orders, asOfUtc);

        memberships[HighValue] = SumOrders(orders, d365, asOfUtc) >= 1000m;

        var age = Workload.AgeAt(customer.BirthDate, asOfUtc);
        memberships[YoungUrban] = age >= 18 && age <= 29 && Workload.UrbanCities.Contains(customer.City);

        memberships[Eu] = Workload.EuCountries.Contains(customer.Country);

        memberships[OutdoorSegment] = customer.Interests.Contains(Workload.Outdoor)
            || CountOrdersInCategory(orders, Workload.Outdoor, d180, asOfUtc) >= 2;

        memberships[BirthdayMonth] = customer.BirthDate.Month == asOfUtc.Month;

        memberships[EmailEngaged] = CountEvents(events, EventTypes.EmailClick, d30, asOfUtc) >= 2;

        memberships[VipAtRisk] = memberships[HighValue] && memberships[ChurnRisk];
    }

    /// <summary>Counts the orders with <c>after &lt; At &lt;= asOf</c>.</summary>
    public static int CountOrders(List<Order> orders, DateTime after, DateTime asOfUtc)
    {
        var count = 0;
        for (var i = 0; i < orders.Count; i++)
        {
            var at = orders[i].At;
            if (at > after && at <= asOfUtc)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether any order has <c>after &lt; At &lt;= asOf</c>.</summary>
    public static bool AnyOrder(List<Order> orders, DateTime after, DateTime asOfUtc)
    {
        for (var i = 0; i < orders.Count; i++)
        {
            var at = orders[i].At;
            if (at > after && at <= asOfUtc)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sums the amounts of the orders with <c>after &lt; At &lt;= asOf</c>.</summary>
    public static decimal SumOrders(List<Order> orders, DateTime after, DateTime asOfUtc)
    {
        var sum = 0m;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (order.At > after && order.At <= asOfUtc)
            {
                sum += order.Amount;
            }
        }

        return sum;
    }

    /// <summary>Counts the orders of a category with <c>after &lt; At &lt;= asOf</c>.</summary>
    public static int CountOrdersInCategory(List<Order> orders, string category, DateTime after, DateTime asOfUtc)
    {
        var count = 0;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (order.At > after && order.At <= asOfUtc && string.Equals(order.Category, category, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Counts the events of a type with <c>after &lt; At &lt;= asOf</c>.</summary>
    public static int CountEvents(List<Event> events, string type, DateTime after, DateTime asOfUtc)
    {
        var count = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.At > after && e.At <= asOfUtc && string.Equals(e.Type, type, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether any event of a type has <c>after &lt; At &lt;= asOf</c>.</summary>
    public static bool AnyEvent(List<Event> events, string type, DateTime after, DateTime asOfUtc)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.At > after && e.At <= asOfUtc && string.Equals(e.Type, type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts the orders with <c>At &lt;= asOf</c>.</summary>
    public static int CountOrdersEver(List<Order> orders, DateTime asOfUtc)
    {
        var count = 0;
        for (var i = 0; i < orders.Count; i++)
        {
            if (orders[i].At <= asOfUtc)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether any order has <c>At &lt;= asOf</c>.</summary>
    public static bool AnyOrderEver(List<Order> orders, DateTime asOfUtc)
    {
        for (var i = 0; i < orders.Count; i++)
        {
            if (orders[i].At <= asOfUtc)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any event of a type has <c>At &lt;= asOf</c>.</summary>
    public static bool AnyEventEver(List<Event> events, string type, DateTime asOfUtc)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.At <= asOfUtc && string.Equals(e.Type, type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneTime(List<Order> orders, DateTime notAfter, DateTime asOfUtc)
    {
        var count = 0;
        var at = default(DateTime);
        for (var i = 0; i < orders.Count; i++)
        {
            var t = orders[i].At;
            if (t <= asOfUtc)
            {
                if (++count > 1)
                {
                    return false;
                }

                at = t;
            }
        }

        return count == 1 && at <= notAfter;
    }
}
