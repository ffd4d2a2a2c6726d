using Segmentation.Analytics.Rfm;
using Segmentation.Cli.Reporting;
using static Segmentation.Cli.Tests.CliFixture;

namespace Segmentation.Cli.Tests;

public class ReportBuilderTests
{
    [Fact]
    public void Build_Sample_CountsEveryCustomer()
    {
        SampleReport.Customers.Should().Be(2357);
        SampleReport.CustomersWithPurchases.Should().Be(2357);
        SampleReport.AsOf.Should().Be(new DateOnly(1997, 9, 30));
    }

    [Fact]
    public void Build_Sample_ExclusiveGroupsPartitionTheCustomers()
    {
        SampleReport.Segments.Where(s => s.Group == "engagement").Sum(s => s.Customers).Should().Be(2357);
        SampleReport.Segments.Where(s => s.Group == "journey-stage").Sum(s => s.Customers).Should().Be(2357);
    }

    [Fact]
    public void Build_Sample_SegmentSizesMatchAStraightforwardCount()
    {
        var days = Customers.Select(c => c.Purchases.Where(p => p.Date <= CalibrationEnd).ToArray()).ToArray();
        int CountWhere(Func<CdnowPurchase[], bool> predicate) => days.Count(predicate);
        static bool Within(CdnowPurchase p, int window) => p.Date > CalibrationEnd.AddDays(-window);

        Size("loyal").Should().Be(CountWhere(d => d.Count(p => Within(p, 365)) >= 5));
        Size("one-time").Should().Be(CountWhere(d => d.Length == 1));
        Size("repeat").Should().Be(CountWhere(d => d.Length >= 2 && d.Count(p => Within(p, 365)) < 5));
        Size("post-purchase").Should().Be(CountWhere(d => d.Length >= 2));
        Size("churn-risk").Should().Be(CountWhere(d => d.Length >= 3 && !d.Any(p => Within(p, 90))));
        Size("high-value").Should().Be(CountWhere(d => d.Where(p => Within(p, 365)).Sum(p => p.Amount) >= 250m));
    }

    [Fact]
    public void Build_Sample_PinnedSizes()
    {
        var sizes = SampleReport.Segments.ToDictionary(s => s.Id, s => s.Customers);

        sizes.Should().Contain(new Dictionary<string, int>
        {
            ["loyal"] = 193, ["repeat"] = 753, ["one-time"] = 1411, ["inactive"] = 0,
            ["post-purchase"] = 946, ["purchase"] = 0, ["awareness"] = 1411,
            ["churn-risk"] = 204, ["high-value"] = 121, ["seasonal-buyer"] = 0,
        });
    }

    [Fact]
    public void Build_Sample_BoughtAfterAsOfCountsHoldoutPurchases()
    {
        var loyal = SampleReport.Segments.Single(s => s.Id == "loyal");

        loyal.BoughtAfterAsOf.Should().BeInRange(1, loyal.Customers);
        loyal.BoughtAfterAsOfRate.Should().BeApproximately((double)loyal.BoughtAfterAsOf / loyal.Customers, 1e-9);
        SampleReport.Segments.Single(s => s.Id == "one-time").BoughtAfterAsOfRate.Should().BeLessThan(loyal.BoughtAfterAsOfRate);
    }

    [Fact]
    public void Build_Sample_OverlapIsSymmetricWithSizesOnTheDiagonal()
    {
        var overlap = SampleReport.Overlap;

        overlap.Segments.Should().Equal(ReportBuilder.OverlapSegments);
        for (var i = 0; i < overlap.Segments.Count; i++)
        {
            for (var j = 0; j < overlap.Segments.Count; j++)
                overlap.Counts[i][j].Should().Be(overlap.Counts[j][i]);
        }

        overlap.Both("loyal", "loyal").Should().Be(Size("loyal"));
        overlap.Both("loyal", "repeat").Should().Be(0, "engagement levels are exclusive");
        overlap.Both("churn-risk", "high-value").Should().Be(Customers.Count(c => IsChurnRisk(c) && IsHighValue(c)));
    }

    [Fact]
    public void Build_Sample_RfmGridAndSegmentsCoverThePopulation()
    {
        var rfm = SampleReport.Rfm!;

        rfm.Bins.Should().Be(5);
        rfm.Grid.Should().HaveCount(5).And.OnlyContain(row => row.Count == 5);
        rfm.Grid.Sum(row => row.Sum()).Should().Be(2357);
        rfm.Segments.Sum(s => s.Customers).Should().Be(2357);
        rfm.Segments.Select(s => s.Id).Should().Equal(RfmSegments.Default.Select(r => r.Id));
    }

    [Fact]
    public void Build_AsOfBeforeFirstPurchase_EveryoneInactiveAndNoRfm()
    {
        var report = ReportBuilder.Build(Customers, "sample", new DateTime(1996, 12, 31, 0, 0, 0, DateTimeKind.Utc), 250m);

        report.CustomersWithPurchases.Should().Be(0);
        report.Rfm.Should().BeNull();
        report.Segments.Single(s => s.Id == "inactive").Customers.Should().Be(2357);
        report.Segments.Single(s => s.Id == "awareness").Customers.Should().Be(2357);
    }

    [Fact]
    public void Build_HigherHighValueThreshold_ShrinksTheSegment()
    {
        var report = ReportBuilder.Build(Customers, "sample", CalibrationEnd, 1000m);

        report.HighValueThreshold.Should().Be(1000m);
        report.Segments.Single(s => s.Id == "high-value").Customers.Should().BeLessThan(Size("high-value"));
    }

    [Fact]
    public void Build_NoCustomers_Throws() =>
        FluentActions.Invoking(() => ReportBuilder.Build([], "empty.txt", CalibrationEnd, 250m))
            .Should().Throw<CliException>().WithMessage("empty.txt has no purchase records");

    private static int Size(string id) => SampleReport.Segments.Single(s => s.Id == id).Customers;

    private static bool IsChurnRisk(CdnowCustomer c)
    {
        var days = c.Purchases.Where(p => p.Date <= CalibrationEnd).ToArray();
        return days.Length >= 3 && !days.Any(p => p.Date > CalibrationEnd.AddDays(-90));
    }

    private static bool IsHighValue(CdnowCustomer c) =>
        c.Purchases.Where(p => p.Date <= CalibrationEnd && p.Date > CalibrationEnd.AddDays(-365)).Sum(p => p.Amount) >= 250m;
}
