using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Xunit.Abstractions;

namespace Segmentation.Analytics.Tests.Tracking;

public sealed class CdnowBacktestTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<Buyer> Buyers = CustomerPurchases.GroupByCustomer(CdnowSample.Records)
        .Select(c => new Buyer(c.CustomerId, [.. c.Purchases.Select(p => new Purchase(p.Date, p.Amount))]))
        .ToArray();

    private static readonly IReadOnlyList<DateTimeOffset> Instants =
        [new(1996, 12, 29, 0, 0, 0, TimeSpan.Zero), .. InstantSeries.Weekly(new(1997, 1, 5, 0, 0, 0, TimeSpan.Zero), new(1998, 6, 28, 0, 0, 0, TimeSpan.Zero))];

    private static readonly Lazy<BacktestReport> Report = new(() => Backtest.Run(SegmentEngine.Compile(new CdnowCatalog()), Buyers, Instants));

    [Fact]
    public void InstantSeries_Weekly_RunsFromFirstToLastSunday()
    {
        Instants.Should().HaveCount(79);
        Instants[1].Should().Be(new DateTimeOffset(1997, 1, 5, 0, 0, 0, TimeSpan.Zero));
        Instants[^1].Should().Be(new DateTimeOffset(1998, 6, 28, 0, 0, 0, TimeSpan.Zero));
        InstantSeries.Monthly(new(1997, 1, 31, 0, 0, 0, TimeSpan.Zero), new(1997, 4, 30, 0, 0, 0, TimeSpan.Zero))
            .Select(i => i.Day).Should().Equal(31, 28, 31, 30);
    }

    [Fact]
    public void Run_BeforeFirstPurchase_NobodyIsInAnySegment()
    {
        Buyers.SelectMany(b => b.Purchases).Min(p => p.At).Should().Be(CdnowSample.Day(1997, 1, 1));
        Report.Value.Profiles.Should().Be(2357);

        Report.Value.SizeAt(0, "active-30d").Should().Be(0);
        Report.Value.SizeAt(0, "repeat-buyer").Should().Be(0);
        Report.Value.SizeAt(0, "lapsed").Should().Be(0);
        Report.Value.SizeAt(0, "none").Should().Be(2357);
    }

    [Theory]
    [InlineData(1997, 3, 30)]
    [InlineData(1997, 9, 28)]
    [InlineData(1998, 6, 28)]
    public void Run_SizesAtInstant_EqualPlainLinqCounts(int year, int month, int day)
    {
        var at = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        var index = Instants.ToList().IndexOf(at);
        var asOf = at.UtcDateTime;
        var active = Buyers.Count(b => b.Purchases.Any(p => p.At > asOf.AddDays(-30) && p.At <= asOf));
        var repeat = Buyers.Count(b => b.Purchases.Where(p => p.At <= asOf).Select(p => p.At.Date).Distinct().Count() >= 2);
        var lapsed = Buyers.Count(b => b.Purchases.Any(p => p.At <= asOf) && !b.Purchases.Any(p => p.At > asOf.AddDays(-90) && p.At <= asOf));

        var report = Report.Value;
        output.WriteLine($"{at:yyyy-MM-dd}: active-30d {active}, repeat-buyer {repeat}, lapsed {lapsed}");

        report.SizeAt(index, "active-30d").Should().Be(active);
        report.SizeAt(index, "recent").Should().Be(active);
        report.SizeAt(index, "repeat-buyer").Should().Be(repeat);
        report.SizeAt(index, "lapsed").Should().Be(lapsed);
        report.SizeAt(index, "status").Should().Be(2357);
    }

    [Fact]
    public void Run_KnownSizes_MatchCdnowSampleFacts()
    {
        var report = Report.Value;
        var end = Instants.Count - 1;

        report.SizeAt(end, "repeat-buyer").Should().Be(Buyers.Count(b => b.Purchases.Where(p => p.At <= Instants[end].UtcDateTime).Select(p => p.At).Distinct().Count() >= 2));
        report.SizeAt(end, "past").Should().Be(2357 - report.SizeAt(end, "recent"));
        report.SizesOf("repeat-buyer").Should().BeInAscendingOrder("purchases never disappear from an ever window");
        report.Faulted.Should().OnlyContain(f => f == 0);
    }

    [Fact]
    public void Run_Transitions_AreConsistentWithSizes()
    {
        var report = Report.Value;
        report.Steps.Should().HaveCount(Instants.Count - 1);
        for (var i = 0; i < report.Steps.Count; i++)
        {
            var step = report.Steps[i];
            foreach (var id in report.SegmentIds)
            {
                var flow = step.Segments[id];
                (flow.Stayed + flow.Entered).Should().Be(report.SizeAt(i + 1, id), $"{id} at step {i}");
                (flow.Stayed + flow.Exited).Should().Be(report.SizeAt(i, id), $"{id} at step {i}");
            }

            var matrix = step.Groups["status"];
            foreach (var to in new[] { "recent", "past", "none" })
            {
                matrix.Labels.Sum(from => matrix.Count(from, to)).Should().Be(report.SizeAt(i + 1, to));
            }

            matrix.Count("past", "none").Should().Be(0, "a buyer never becomes a non-buyer");
            matrix.Count("recent", "none").Should().Be(0);
        }

        report.Steps[0].Groups["status"].Count("none", "recent").Should().Be(report.SizeAt(1, "recent"));
        output.WriteLine($"1997-09-28 → 1997-10-05: {report.Steps[Instants.ToList().IndexOf(new(1997, 9, 28, 0, 0, 0, TimeSpan.Zero))].Groups["status"]}");
    }

    private sealed record Purchase(DateTime At, decimal Amount);

    private sealed record Buyer(string Id, IReadOnlyList<Purchase> Purchases);

    private sealed class CdnowCatalog : SegmentCatalog<Buyer>
    {
        protected override void Define(ICatalogBuilder<Buyer> s)
        {
            s.IdentifiedBy(b => b.Id);
            var purchases = s.Dated(b => b.Purchases, p => p.At);
            s.Segment("active-30d").When(purchases.Any().InLast(30));
            s.Segment("lapsed").When(purchases.Any().Ever()).And(purchases.None().InLast(90));
            s.Segment("repeat-buyer").When(purchases.DistinctDays().Ever().AtLeast(2));
            s.Group("status")
                .Member("recent", purchases.Any().InLast(30))
                .Member("past", purchases.Any().Ever())
                .Otherwise("none");
        }
    }
}
