using Segmentation.Core.Engine;
using Segmentation.Analytics.Starter;

namespace Segmentation.Analytics.Tests.Starter;

/// <summary>A plain user profile type: no base class, no interface.</summary>
internal sealed class Shopper
{
    public string Id { get; init; } = "s1";

    public List<Purchase> Orders { get; } = [];

    public List<Activity>? Activity { get; init; } = [];

    public DateTime? BirthDate { get; init; }

    public DateTime? JoinedOn { get; init; }

    public string[]? Likes { get; init; }

    public string? Country { get; init; }
}

internal sealed record Purchase(DateTime At, decimal Total);

internal sealed record Activity(DateTimeOffset At, string Kind);

internal static class StarterFixture
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<SegmentEngine<Shopper>> DefaultEngine = new(() => Compile());

    public static DateTime DaysAgo(double days) => AsOf.UtcDateTime.AddDays(-days);

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public static StarterMapping<Shopper> FullMapping() => new StarterMapping<Shopper>()
        .IdentifiedBy(s => s.Id)
        .Purchases(s => s.Orders, o => o.At, o => o.Total)
        .Events(s => s.Activity, e => e.At, e => e.Kind)
        .Birthday(s => s.BirthDate)
        .SignUpDate(s => s.JoinedOn)
        .Interests(s => s.Likes)
        .Country(s => s.Country);

    public static SegmentEngine<Shopper> Compile(StarterOptions? options = null, StarterMapping<Shopper>? mapping = null) =>
        SegmentEngine.Compile(new StarterCatalog<Shopper>(mapping ?? FullMapping(), options));

    public static SegmentationResult Evaluate(Shopper shopper, StarterOptions? options = null) =>
        (options is null ? DefaultEngine.Value : Compile(options)).Evaluate(shopper, AsOf);

    public static Shopper WithOrders(params double[] daysAgo) => Spending(10m, daysAgo);

    public static Shopper Spending(decimal amount, params double[] daysAgo)
    {
        var shopper = new Shopper();
        shopper.Orders.AddRange(daysAgo.Select(d => new Purchase(DaysAgo(d), amount)));
        return shopper;
    }

    public static Shopper WithActivity(Shopper shopper, string kind, params double[] daysAgo)
    {
        shopper.Activity!.AddRange(daysAgo.Select(d => new Activity(new DateTimeOffset(DaysAgo(d)), kind)));
        return shopper;
    }
}
