using Segmentation.Core.Dsl;

namespace Segmentation.ReferenceWorkload;

/// <summary>
/// The reference workload's 12 segments written with the Segmentation.Core DSL, optionally followed by synthetic
/// segments (each a conjunction of simple predicates) to scale the catalog.
/// </summary>
public sealed class WorkloadCatalog(IReadOnlyList<SyntheticSegmentSpec>? synthetic = null) : SegmentCatalog<Customer>
{
    private readonly IReadOnlyList<SyntheticSegmentSpec> synthetic = synthetic ?? [];

    /// <inheritdoc />
    public override string Name => $"reference-workload+{synthetic.Count}";

    /// <inheritdoc />
    protected override void Define(ICatalogBuilder<Customer> s)
    {
        s.IdentifiedBy(c => c.Id);
        var orders = s.Dated(c => c.Orders, o => o.At);
        var events = s.Dated(c => c.Events, e => e.At);

        s.Segment("loyal", "Loyal")
            .When(orders.Count().InLast(365).AtLeast(5))
            .And(s.Value(c => c.NpsScore).AtLeast(9) | events.Any(e => e.Type == EventTypes.Review).Ever());
        s.Segment("one-time", "One-time buyer")
            .When(orders.Count().Ever().EqualTo(1))
            .And(orders.None().InLast(90));
        s.Segment("churn-risk", "Churn risk")
            .When(orders.Count().Ever().AtLeast(3))
            .And(orders.None().InLast(90));
        s.Segment("cart-abandoner", "Cart abandoner")
            .When(events.Any(e => e.Type == EventTypes.CartAbandoned).InLast(7))
            .And(orders.None().InLast(7));
        s.Segment("browser-no-purchase", "Browser, never bought")
            .When(events.Count(e => e.Type == EventTypes.PageView).InLast(30).AtLeast(3))
            .And(orders.None().Ever());
        s.Segment("high-value", "High value")
            .When(orders.Sum(o => o.Amount).InLast(365).AtLeast(1000));
        s.Segment("young-urban", "Young urban")
            .When(s.Age(c => c.BirthDate).Between(18, 29))
            .And(s.Text(c => c.City).In(Workload.UrbanCities));
        s.Segment("eu", "EU resident")
            .When(s.Text(c => c.Country).In(Workload.EuCountries));
        s.Segment("outdoor", "Outdoor enthusiast")
            .When(s.Where(c => c.Interests.Contains(Workload.Outdoor)) | orders.Count(o => o.Category == Workload.Outdoor).InLast(180).AtLeast(2));
        s.Segment("birthday-month", "Birthday this month")
            .When(s.Date(c => c.BirthDate).InAsOfMonth());
        s.Segment("email-engaged", "Email engaged")
            .When(events.Count(e => e.Type == EventTypes.EmailClick).InLast(30).AtLeast(2));
        s.Segment("vip-at-risk", "VIP at risk")
            .When(s.InSegment("high-value"))
            .And(s.InSegment("churn-risk"));

        foreach (var spec in synthetic)
        {
            var segment = s.Segment(spec.Id);
            foreach (var predicate in spec.Predicates)
            {
                segment.And(Predicate(s, orders, predicate));
            }
        }
    }

    private static Condition<Customer> Predicate(ICatalogBuilder<Customer> s, DatedCollection<Customer, Order> orders, SyntheticPredicate p) => p.Kind switch
    {
        SyntheticPredicateKind.AgeBetween => s.Age(c => c.BirthDate).Between(p.MinAge, p.MaxAge),
        SyntheticPredicateKind.CountryIn => s.Text(c => c.Country).In(p.Countries),
        SyntheticPredicateKind.OrderCountAtLeast => orders.Count().InLast(p.WindowDays).AtLeast(p.MinCount),
        _ => orders.Sum(o => o.Amount).InLast(p.WindowDays).AtLeast(p.MinSpend),
    };
}
