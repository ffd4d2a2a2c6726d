using System.Globalization;
using System.Runtime.CompilerServices;
using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;

// Evaluates a catalog that uses every kind of building block and prints one line per profile; the packaging test
// compares the NativeAOT output with the JIT output line by line.
var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
var catalog = SegmentCatalog.Create<Shopper>(s =>
{
    s.IdentifiedBy(c => c.Id);
    var orders = s.Dated(c => c.Orders, o => o.At, "orders");
    var visits = s.Dated(c => c.Visits, v => v.At, "visits");
    s.Segment("loyal").When(orders.Count().InLast(365).AtLeast(3));
    s.Segment("big-spender").When(orders.Sum(o => o.Amount).Ever().AtLeast(500m));
    s.Segment("lapsed").When(orders.Any().BetweenDaysAgo(90, 365)).And(orders.None().InLast(90));
    s.Segment("repeat").When(orders.RepeatDays().Ever().AtLeast(1));
    s.Segment("average").When(orders.Average(o => o.Amount).InLast(730).Between(50m, 200m));
    s.Segment("browser").When(visits.Count(v => v.Page == "product").InLast(30).AtLeast(2)).And(orders.None().InLast(30));
    s.Segment("young").When(s.Age(c => c.BirthDate).Between(18, 29));
    s.Segment("nordic").When(s.Text(c => c.Country).In("NO", "SE", "DK"));
    s.Segment("promoter").When(c => c.Nps >= 9);
    s.Segment("vip").When(s.InSegment("loyal")).And(s.InSegment("big-spender"));
    s.Group("stage")
        .Member("active", orders.Any().InLast(30))
        .Member("cooling", orders.Any().InLast(180))
        .Otherwise("dormant");
    s.Score("engagement")
        .Add(20, orders.Any().InLast(90))
        .Add(10, c => c.Nps >= 9)
        .Tiers(("low", 0), ("high", 20));
});

var engine = SegmentEngine.Compile(catalog);
Console.WriteLine($"dynamic code: {RuntimeFeature.IsDynamicCodeSupported}, interpreted: {engine.IsInterpreted}");
var shoppers = Enumerable.Range(0, 40).Select(i => Shopper.Make(i, asOf)).ToArray();
foreach (var result in engine.EvaluateBatch(shoppers, asOf, new BatchOptions { MaxDegreeOfParallelism = 2 }))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.ProfileId}: [{string.Join(",", result.Segments)}] stage={result.MemberOf("stage")} engagement={result.Score("engagement")}/{result.Tier("engagement")}"));
}

Console.WriteLine(engine.Explain(shoppers[7], "vip", asOf));

/// <summary>A profile.</summary>
public sealed record Shopper(string Id, DateTime BirthDate, string Country, int? Nps, List<Order> Orders, List<Visit> Visits)
{
    /// <summary>A deterministic shopper number <paramref name="i"/>.</summary>
    public static Shopper Make(int i, DateTimeOffset asOf)
    {
        var now = asOf.UtcDateTime;
        var orders = Enumerable.Range(0, i % 6).Select(k => new Order(now.AddDays(-(k * 47 + i % 11)), 40m + (i * 13 + k * 29) % 190)).ToList();
        var visits = Enumerable.Range(0, i % 4).Select(k => new Visit(now.AddDays(-(k * 5 + i % 3)), k % 2 == 0 ? "product" : "home")).ToList();
        return new Shopper($"s{i}", now.AddYears(-(18 + i % 30)).AddDays(-i), i % 3 == 0 ? "NO" : "FR", i % 11, orders, visits);
    }
}

/// <summary>An order.</summary>
public sealed record Order(DateTime At, decimal Amount);

/// <summary>A page visit.</summary>
public sealed record Visit(DateTime At, string Page);
