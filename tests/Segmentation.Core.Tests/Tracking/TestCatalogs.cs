using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Tracking;

internal static class TestCatalogs
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static SegmentEngine<Customer> Journey() => SegmentEngine.Compile(new JourneyCatalog());

    public static Customer Customer(string id, params DateTime[] orders) => new()
    {
        Id = id,
        BirthDate = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Orders = [.. orders.Select(at => new Order { At = at, Amount = 50m, Category = "books" })],
    };

    public static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    private sealed class JourneyCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => c.Id);
            var orders = s.Dated(c => c.Orders, o => o.At);
            var events = s.Dated(c => c.Events, e => e.At);
            s.Segment("churn-risk").When(orders.Count().Ever().AtLeast(3)).And(orders.None().InLast(90));
            s.Segment("buyer").When(orders.Any().Ever());
            s.Group("journey-stage")
                .Member("purchase", orders.Any().InLast(30))
                .Member("consideration", events.Any(e => e.Type == EventTypes.AddToCart).InLast(30))
                .Otherwise("awareness");
        }
    }
}
