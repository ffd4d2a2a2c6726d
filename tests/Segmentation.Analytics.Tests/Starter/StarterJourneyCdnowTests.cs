using Segmentation.Analytics.Starter;
using Segmentation.Core.Engine;

namespace Segmentation.Analytics.Tests.Starter;

/// <summary>
/// The journey stages on the real CDNOW sample (2,357 customers who all made their first purchase in 1997-01..03), as of
/// several dates: exact against plain LINQ, and plausible for a marketer (nobody who has bought is in a pre-purchase stage).
/// </summary>
public sealed class StarterJourneyCdnowTests
{
    private static readonly IReadOnlyList<CustomerPurchases> Customers = CustomerPurchases.GroupByCustomer(CdnowSample.Records);

    private static readonly Lazy<SegmentEngine<CustomerPurchases>> Engine = new(() => SegmentEngine.Compile(new StarterCatalog<CustomerPurchases>(
        new StarterMapping<CustomerPurchases>().IdentifiedBy(c => c.CustomerId).Purchases(c => c.Purchases, p => p.Date, p => p.Amount))));

    public static TheoryData<string> AsOfDates => ["1996-12-31", "1997-01-10", "1997-02-15", "1997-03-31", "1997-04-15", "1997-09-30", "1998-06-30"];

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public void Stages_AsOf_MatchTheirDefinitionOverThePurchasesSoFar(string date)
    {
        var asOf = DateTime.SpecifyKind(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var stages = Stages(asOf);
        var first = Customers.Select(c => c.Purchases.Where(p => p.Date <= asOf).Select(p => (DateTime?)p.Date).Min()).ToArray();

        stages.Values.Sum().Should().Be(2357);
        stages[StarterSegmentIds.Awareness].Should().Be(first.Count(f => f is null), "awareness is exactly the customers who have not bought yet");
        stages[StarterSegmentIds.Purchase].Should().Be(first.Count(f => f > asOf.AddDays(-30)), "purchase is a first purchase in the last 30 days");
        stages[StarterSegmentIds.PostPurchase].Should().Be(first.Count(f => f <= asOf.AddDays(-30)));
        stages.Should().NotContainKey(StarterSegmentIds.Consideration, "CDNOW has no events, so there is no consideration stage");
    }

    [Fact]
    public void Stages_AcrossTheAcquisitionPeriod_ArePlausible()
    {
        var before = Stages(Day(1996, 12, 31));
        var early = Stages(Day(1997, 1, 10));
        var during = Stages(Day(1997, 2, 15));
        var after = Stages(Day(1997, 9, 30));
        var end = Stages(Day(1998, 6, 30));

        before[StarterSegmentIds.Awareness].Should().Be(2357, "before the first purchase nobody has bought");
        early[StarterSegmentIds.PostPurchase].Should().Be(0, "ten days in, every buyer is a recent first buyer");
        early[StarterSegmentIds.Purchase].Should().BeGreaterThan(0);
        early[StarterSegmentIds.Awareness].Should().BeGreaterThan(early[StarterSegmentIds.Purchase], "most of the cohort has not bought yet");
        during.Should().OnlyContain(stage => stage.Value > 0, "mid-acquisition every stage is populated");
        after[StarterSegmentIds.PostPurchase].Should().Be(2357, "the cohort was acquired in the first quarter of 1997: by autumn everyone has bought, long ago");
        after[StarterSegmentIds.Purchase].Should().Be(0);
        after[StarterSegmentIds.Awareness].Should().Be(0, "the 2026 defect put 60 % of buyers here");
        end.Should().BeEquivalentTo(after);
    }

    private static Dictionary<string, int> Stages(DateTime asOf)
    {
        var engine = Engine.Value;
        var stages = engine.RuleSet.Rules.Where(r => r.ParentId == StarterSegmentIds.JourneyStage).Select(r => r.Id).Distinct().ToDictionary(id => id, _ => 0);
        foreach (var customer in Customers)
            stages[engine.Evaluate(customer, new DateTimeOffset(asOf, TimeSpan.Zero)).MemberOf(StarterSegmentIds.JourneyStage)!]++;
        return stages;
    }

    private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);
}
