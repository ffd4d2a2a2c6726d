using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;

namespace Segmentation.Testing.Tests.Support;

public sealed record Order(DateTime At, decimal Amount);

public sealed class Customer
{
    public string Id { get; init; } = "c1";

    public int? Nps { get; init; }

    public List<Order> Orders { get; init; } = [];
}

/// <summary>A small catalog with segments, a reference, a composite, a score with tiers and a group.</summary>
public static class Shop
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTime DaysAgo(double days) => AsOf.UtcDateTime.AddDays(-days);

    public static SegmentEngine<Customer> Engine(SegmentEngineOptions? options = null) => SegmentEngine.Compile(Catalog(), options);

    public static SegmentCatalog<Customer> Catalog() => SegmentCatalog.Create<Customer>(s =>
    {
        s.IdentifiedBy(c => c.Id);
        var orders = s.Dated(c => c.Orders, o => o.At, "orders");
        s.Segment("loyal").When(orders.Count().InLast(365).AtLeast(3));
        s.Segment("churn-risk").When(s.InSegment("loyal")).And(orders.None().InLast(90));
        s.Segment("promoter").When(s.Value(c => c.Nps).AtLeast(9) | orders.Sum(o => o.Amount).Ever().AtLeast(1000));
        s.Score("engagement")
            .Add(20, orders.Any().InLast(30))
            .Add(10, s.Value(c => c.Nps).AtLeast(9))
            .Tiers(("low", 0), ("high", 20));
        s.Group("stage").Member("buyer", orders.Any().InLast(30)).Otherwise("browser");
    }, "shop");

    public static Customer With(params Order[] orders) => new() { Orders = [.. orders] };

    /// <summary>Three orders in the last year, the latest 100 days ago: loyal and at risk of churning.</summary>
    public static Customer Lapsing() => With(new Order(DaysAgo(100), 50m), new Order(DaysAgo(150), 50m), new Order(DaysAgo(200), 50m));
}
