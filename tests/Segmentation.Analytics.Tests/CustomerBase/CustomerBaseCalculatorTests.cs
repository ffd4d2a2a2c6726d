
namespace Segmentation.Analytics.Tests.CustomerBase;

public class CustomerBaseCalculatorTests
{
    private static readonly DateTime AsOf = CdnowSample.CalibrationEnd;

    [Fact]
    public void Compute_CdnowCustomer0001_IgnoresHoldoutPurchase()
    {
        // 0001: 19970101 29.33 | 19970118 29.73 | 19970802 14.96 | 19971212 26.48 (holdout, after 1997-09-30)
        // frequency 2; recency Jan 1 -> Aug 2 = 213 d; T Jan 1 -> Sep 30 = 272 d; monetary (29.73 + 14.96) / 2 = 22.345
        var features = CustomerBaseCalculator.Compute(CdnowSample.Of("0001"), AsOf);

        features.Frequency.Should().Be(2);
        features.RecencyDays.Should().Be(213);
        features.RecencyWeeks.Should().BeApproximately(30.428571, 1e-6);
        features.AgeDays.Should().Be(272);
        features.AgeWeeks.Should().BeApproximately(38.857143, 1e-6);
        features.MonetaryValue.Should().Be(22.345m);
        features.TotalSpend.Should().Be(74.02m);
        features.HistoricValue.Should().Be(74.02m);
        features.AverageOrderValue.Should().Be(74.02m / 3);
        features.DaysSinceLastPurchase.Should().Be(59);
        features.LastPurchase.Should().Be(CdnowSample.Day(1997, 8, 2));
    }

    [Fact]
    public void Compute_CdnowCustomer0002_OneRepeatPurchase()
    {
        // 0002: 19970101 63.34 | 19970113 11.77
        var features = CustomerBaseCalculator.Compute(CdnowSample.Of("0002"), AsOf);

        features.Frequency.Should().Be(1);
        features.RecencyDays.Should().Be(12);
        features.AgeDays.Should().Be(272);
        features.MonetaryValue.Should().Be(11.77m);
        features.TotalSpend.Should().Be(75.11m);
        features.AverageOrderValue.Should().Be(37.555m);
        features.DaysSinceLastPurchase.Should().Be(260);
    }

    [Fact]
    public void Compute_CdnowCustomer2258_FiveRecordsOnOneDayAreOnePurchase()
    {
        // 2258: 19970322 14.96 | 13.97 | 14.96 | 14.79 | 13.77 -> one purchase of 72.45; no repeat purchase
        var features = CustomerBaseCalculator.Compute(CdnowSample.Of("2258"), AsOf);

        features.PurchaseDays.Should().Be(1);
        features.Frequency.Should().Be(0);
        features.RecencyDays.Should().Be(0);
        features.AgeDays.Should().Be(192);
        features.AgeWeeks.Should().BeApproximately(27.428571, 1e-6);
        features.MonetaryValue.Should().Be(0m);
        features.TotalSpend.Should().Be(72.45m);
        features.AverageOrderValue.Should().Be(72.45m);
        features.DaysSinceLastPurchase.Should().Be(192);
    }

    [Fact]
    public void Compute_CdnowCustomer2252_SameDayRecordsSummedBeforeRepeat()
    {
        // 2252: 19970322 28.73 + 13.77 + 13.77 + 16.36 = 72.63 | 19970520 13.77
        var features = CustomerBaseCalculator.Compute(CdnowSample.Of("2252"), AsOf);

        features.Frequency.Should().Be(1);
        features.RecencyDays.Should().Be(59);
        features.AgeDays.Should().Be(192);
        features.MonetaryValue.Should().Be(13.77m);
        features.TotalSpend.Should().Be(86.40m);
        features.AverageOrderValue.Should().Be(43.20m);
        features.DaysSinceLastPurchase.Should().Be(133);
    }

    [Fact]
    public void Compute_CdnowCustomer1460_SameDayRecordsAndHoldout()
    {
        // 1460: 19970223 22.75 | 19970303 15.36 | 19970408 58.07 + 17.76 + 14.37 = 90.20 | 19970418 58.07
        //       | 19970526 12.25 | 19971209 15.49 (holdout)
        // 5 purchase days; total 198.63; monetary (198.63 - 22.75) / 4 = 43.97; recency Feb 23 -> May 26 = 92 d; T 219 d
        var features = CustomerBaseCalculator.Compute(CdnowSample.Of("1460"), AsOf);

        features.Frequency.Should().Be(4);
        features.RecencyDays.Should().Be(92);
        features.RecencyWeeks.Should().BeApproximately(13.142857, 1e-6);
        features.AgeDays.Should().Be(219);
        features.MonetaryValue.Should().Be(43.97m);
        features.TotalSpend.Should().Be(198.63m);
        features.AverageOrderValue.Should().Be(39.726m);
        features.DaysSinceLastPurchase.Should().Be(127);
    }

    [Fact]
    public void Compute_CdnowCustomer2357_SinglePurchase()
    {
        // 2357: 19970325 25.74
        var features = CustomerBaseCalculator.Compute(CdnowSample.Of("2357"), AsOf);

        features.Frequency.Should().Be(0);
        features.AgeDays.Should().Be(189);
        features.AgeWeeks.Should().Be(27.0);
        features.MonetaryValue.Should().Be(0m);
        features.AverageOrderValue.Should().Be(25.74m);
    }

    [Fact]
    public void Compute_AsOfBeforeFirstPurchase_ReturnsNoPurchases()
    {
        var features = CustomerBaseCalculator.Compute(CdnowSample.Of("2357"), CdnowSample.Day(1997, 3, 24));

        features.Should().Be(CustomerBaseFeatures.NoPurchases(CdnowSample.Day(1997, 3, 24)));
        features.HasPurchases.Should().BeFalse();
        features.Frequency.Should().Be(0);
        features.AverageOrderValue.Should().Be(0m);
        features.DaysSinceLastPurchase.Should().BeNull();
        features.FirstPurchase.Should().BeNull();
    }

    [Fact]
    public void Compute_AsOfWithTimeOfDay_CountsPurchasesLaterThatDay()
    {
        var purchases = new[] { (CdnowSample.Day(2024, 1, 1), 10m), (CdnowSample.Day(2024, 1, 5).AddHours(18), 4m) };

        var features = CustomerBaseCalculator.Compute(purchases, CdnowSample.Day(2024, 1, 5).AddHours(9));

        features.Frequency.Should().Be(1);
        features.DaysSinceLastPurchase.Should().Be(0);
        features.MonetaryValue.Should().Be(4m);
    }

    [Fact]
    public void ComputeAll_CdnowSample_SummarisesEveryCustomer()
    {
        var features = CustomerBaseCalculator.ComputeAll(CustomerPurchases.GroupByCustomer(CdnowSample.Records), AsOf);

        features.Should().HaveCount(2357);
        features.Values.Should().OnlyContain(f => f.HasPurchases);
        features["1460"].Frequency.Should().Be(4);
    }

    [Fact]
    public void SpendInWindow_ThirtyDays_IncludesAsOfDayAndExcludesWindowStart()
    {
        var purchases = new[]
        {
            (CdnowSample.Day(1997, 8, 31), 1m),
            (CdnowSample.Day(1997, 9, 1), 2m),
            (CdnowSample.Day(1997, 9, 30), 4m),
            (CdnowSample.Day(1997, 10, 1), 8m),
        };

        var spend = CustomerBaseCalculator.SpendInWindow(purchases, AsOf, 30);

        spend.Should().Be(6m);
    }
}
