using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;

namespace Segmentation.Analytics.Tests.CustomerBase;

/// <summary>The customer-base features as DSL aggregates, checked against <see cref="CustomerBaseCalculator"/> on real CDNOW data.</summary>
public sealed class CustomerBaseAggregateTests
{
    private static readonly DateTimeOffset AsOf = new(CdnowSample.CalibrationEnd);

    private static readonly (string Name, decimal[] Thresholds, Func<CustomerBaseFeatures, decimal?> Expected)[] Features =
    [
        ("frequency", [1, 2, 3, 5], f => f.Frequency),
        ("recency", [1, 30, 100, 200], f => f.HasPurchases ? f.RecencyDays : null),
        ("t", [150, 200, 250], f => f.HasPurchases ? f.AgeDays : null),
        ("monetary", [0.01m, 10, 22.345m, 40], f => f.HasPurchases ? f.MonetaryValue : null),
        ("aov", [15, 37.555m, 80], f => f.HasPurchases ? f.AverageOrderValue : null),
        ("total", [25.74m, 100, 300], f => f.TotalSpend),
        ("since-last", [59, 150, 260], f => f.DaysSinceLastPurchase),
    ];

    private static SegmentCatalog<CustomerPurchases> Catalog() => SegmentCatalog.Create<CustomerPurchases>(s =>
    {
        s.IdentifiedBy(c => c.CustomerId);
        var purchases = s.Dated(c => c.Purchases, p => p.Date);
        var measures = new Dictionary<string, Measure<CustomerPurchases>>
        {
            ["frequency"] = purchases.RepeatDays().Ever(),
            ["recency"] = purchases.DaysFirstToLast().Ever(),
            ["t"] = purchases.DaysSinceFirst().Ever(),
            ["monetary"] = purchases.RepeatDayAverage(p => p.Amount).Ever(),
            ["aov"] = purchases.DayAverage(p => p.Amount).Ever(),
            ["total"] = purchases.Sum(p => p.Amount).Ever(),
            ["since-last"] = purchases.DaysSinceLast().Ever(),
        };
        foreach (var (name, thresholds, _) in Features)
        {
            foreach (var threshold in thresholds)
            {
                s.Segment($"{name}>={threshold}").When(measures[name].AtLeast(threshold));
            }
        }
    });

    [Fact]
    public void Evaluate_EveryCdnowSampleCustomer_AgreesWithCustomerBaseCalculatorAtEveryThreshold()
    {
        var engine = SegmentEngine.Compile(Catalog());
        var customers = CustomerPurchases.GroupByCustomer(CdnowSample.Records);
        var mismatches = new List<string>();

        foreach (var customer in customers)
        {
            var features = CustomerBaseCalculator.Compute(customer.Purchases, CdnowSample.CalibrationEnd);
            var result = engine.Evaluate(customer, AsOf);
            foreach (var (name, thresholds, expected) in Features)
            {
                foreach (var threshold in thresholds)
                {
                    var want = expected(features) is { } value && value >= threshold;
                    if (result.IsIn($"{name}>={threshold}") != want)
                    {
                        mismatches.Add($"{customer.CustomerId} {name}>={threshold}: expected {want}");
                    }
                }
            }
        }

        customers.Should().HaveCount(2357);
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Explain_Customer0001_ShowsHandCheckedFeatures()
    {
        var engine = SegmentEngine.Compile(Catalog());
        var customer = CustomerPurchases.GroupByCustomer(CdnowSample.Of("0001")).Single();

        engine.Explain(customer, "frequency>=2", AsOf).ToString().Should().Be("frequency>=2: yes\n  repeat days of(purchases) ever = 2, needs >= 2: yes".ReplaceLineEndings());
        engine.Explain(customer, "recency>=200", AsOf).ToString().Should().Be("recency>=200: yes\n  days first to last(purchases) ever = 213, needs >= 200: yes".ReplaceLineEndings());
        engine.Explain(customer, "monetary>=22.345", AsOf).ToString().Should().Be("monetary>=22.345: yes\n  repeat-day average(purchases.Amount) ever = 22.345, needs >= 22.345: yes".ReplaceLineEndings());
        engine.Explain(customer, "since-last>=59", AsOf).ToString().Should().Be("since-last>=59: yes\n  days since last(purchases) ever = 59, needs >= 59: yes".ReplaceLineEndings());
    }
}
