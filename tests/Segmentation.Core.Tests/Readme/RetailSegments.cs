using Segmentation.Core.Dsl;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Readme;

/// <summary>The README's quickstart catalog, verbatim, so the README's code is compiled and tested.</summary>
public sealed class RetailSegments : SegmentCatalog<Customer>
{
    protected override void Define(ICatalogBuilder<Customer> s)
    {
        s.IdentifiedBy(c => c.Id);
        var orders = s.Dated(c => c.Orders, o => o.At);
        var events = s.Dated(c => c.Events, e => e.At);

        s.Segment("high-value", "High value")
            .Describe("Spent at least 1,000 in the last year")
            .When(orders.Sum(o => o.Amount).InLast(365).AtLeast(1000));

        s.Segment("churn-risk", "Churn risk")
            .When(orders.Count().Ever().AtLeast(3))
            .And(orders.None().InLast(90));

        s.Segment("cart-abandoner")
            .When(events.Any(e => e.Type == "CartAbandoned").InLast(7))
            .And(orders.None().InLast(7));

        s.Segment("young-urban")
            .When(s.Age(c => c.BirthDate).Between(18, 29))
            .And(s.Text(c => c.City).In("Berlin", "Paris", "Tokyo"));

        s.Segment("vip-at-risk")
            .When(s.InSegment("high-value"))
            .And(s.InSegment("churn-risk"));

        s.Group("journey-stage")
            .Member("post-purchase", orders.Count().Ever().AtLeast(2))
            .Member("purchase", orders.Any().InLast(30))
            .Member("consideration", events.Any(e => e.Type == "AddToCart").InLast(30))
            .Otherwise("awareness");

        s.Score("engagement")
            .Add(20, orders.Any().InLast(90))
            .Add(10, events.Count(e => e.Type == "EmailClick").InLast(30).AtLeast(2))
            .Tiers(("inactive", 0), ("engaged", 20), ("loyal", 30));
    }
}
