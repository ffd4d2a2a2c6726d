using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Storage.Workload;

/// <summary>Deterministic profiles and a catalog with plain segments and an exclusive group, for tracking into stores.</summary>
public static class TrackingWorkload
{
    /// <summary>The first as-of instant; later ones are a week apart.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Compiles the catalog.</summary>
    /// <returns>The engine.</returns>
    public static SegmentEngine<Customer> Engine() => SegmentEngine.Compile(new TrackingCatalog());

    /// <summary>The as-of instant of week <paramref name="week"/>.</summary>
    /// <param name="week">The week, from 0.</param>
    /// <returns>The instant.</returns>
    public static DateTimeOffset Week(int week) => Start.AddDays(7 * week);

    /// <summary>Generates profiles: orders and add-to-cart events spread over the first half of 2026 (some after the as-of instants).</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The profiles, ids <c>p000000</c> upwards.</returns>
    public static IReadOnlyList<Customer> Profiles(int count, int seed = 16)
    {
        var random = new Random(seed);
        var origin = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var profiles = new Customer[count];
        for (var i = 0; i < count; i++)
        {
            var customer = new Customer { Id = $"p{i:D6}", BirthDate = origin.AddYears(-20 - random.Next(40)) };
            var orders = random.Next(0, 7);
            for (var o = 0; o < orders; o++)
            {
                customer.Orders.Add(new Order { At = origin.AddHours(random.Next(0, 180 * 24)), Amount = 5 + random.Next(0, 300), Category = "books" });
            }

            var carts = random.Next(0, 3);
            for (var e = 0; e < carts; e++)
            {
                customer.Events.Add(new Event { At = origin.AddHours(random.Next(0, 180 * 24)), Type = EventTypes.AddToCart });
            }

            profiles[i] = customer;
        }

        return profiles;
    }

    private sealed class TrackingCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => c.Id);
            var orders = s.Dated(c => c.Orders, o => o.At);
            var events = s.Dated(c => c.Events, e => e.At);
            s.Segment("buyer").When(orders.Any().Ever());
            s.Segment("repeat-buyer").When(orders.Count().Ever().AtLeast(3));
            s.Segment("churn-risk").When(orders.Count().Ever().AtLeast(2)).And(orders.None().InLast(45));
            s.Segment("big-spender").When(orders.Sum(o => o.Amount).InLast(60).AtLeast(400));
            s.Group("journey-stage")
                .Member("purchase", orders.Any().InLast(21))
                .Member("consideration", events.Any(e => e.Type == EventTypes.AddToCart).InLast(21))
                .Otherwise("awareness");
        }
    }
}
