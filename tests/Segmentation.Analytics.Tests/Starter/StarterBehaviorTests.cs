using Segmentation.Analytics.Starter;
using static Segmentation.Analytics.Tests.Starter.StarterFixture;

namespace Segmentation.Analytics.Tests.Starter;

public class StarterBehaviorTests
{
    [Fact]
    public void ChurnRisk_ThreeOrdersLastExactly90DaysAgo_IsIn() =>
        Evaluate(WithOrders(90, 200, 300)).IsIn(StarterSegmentIds.ChurnRisk).Should().BeTrue();

    [Fact]
    public void ChurnRisk_OrderJustInside90Days_IsOut() =>
        Evaluate(WithOrders(89.99, 200, 300)).IsIn(StarterSegmentIds.ChurnRisk).Should().BeFalse();

    [Fact]
    public void ChurnRisk_TwoOrders_IsOut() =>
        Evaluate(WithOrders(200, 300)).IsIn(StarterSegmentIds.ChurnRisk).Should().BeFalse();

    [Fact]
    public void CartAbandoner_AbandonedJustInsideSevenDaysNoOrder_IsIn() =>
        Evaluate(WithActivity(new Shopper(), "CartAbandoned", 6.99)).IsIn(StarterSegmentIds.CartAbandoner).Should().BeTrue();

    [Fact]
    public void CartAbandoner_AbandonedExactlySevenDaysAgo_IsOut() =>
        Evaluate(WithActivity(new Shopper(), "CartAbandoned", 7)).IsIn(StarterSegmentIds.CartAbandoner).Should().BeFalse();

    [Fact]
    public void CartAbandoner_OrderedAfterwards_IsOut() =>
        Evaluate(WithActivity(WithOrders(1), "CartAbandoned", 3)).IsIn(StarterSegmentIds.CartAbandoner).Should().BeFalse();

    [Fact]
    public void CartAbandoner_OrderExactlySevenDaysAgo_IsIn() =>
        Evaluate(WithActivity(WithOrders(7), "CartAbandoned", 3)).IsIn(StarterSegmentIds.CartAbandoner).Should().BeTrue();

    [Fact]
    public void BrowserNoPurchase_ThreePageViewsNoOrder_IsIn() =>
        Evaluate(WithActivity(new Shopper(), "PageView", 1, 10, 29.99)).IsIn(StarterSegmentIds.BrowserNoPurchase).Should().BeTrue();

    [Fact]
    public void BrowserNoPurchase_ThirdPageViewExactly30DaysAgo_IsOut() =>
        Evaluate(WithActivity(new Shopper(), "PageView", 1, 10, 30)).IsIn(StarterSegmentIds.BrowserNoPurchase).Should().BeFalse();

    [Fact]
    public void BrowserNoPurchase_AnyOrderEver_IsOut() =>
        Evaluate(WithActivity(WithOrders(1000), "PageView", 1, 2, 3)).IsIn(StarterSegmentIds.BrowserNoPurchase).Should().BeFalse();

    [Fact]
    public void HighValue_Spent1000InLastYear_IsIn() =>
        Evaluate(Spending(500m, 1, 364.99)).IsIn(StarterSegmentIds.HighValue).Should().BeTrue();

    [Fact]
    public void HighValue_SpentJustUnder1000_IsOut() =>
        Evaluate(Spending(333.33m, 1, 2, 3)).IsIn(StarterSegmentIds.HighValue).Should().BeFalse();

    [Fact]
    public void HighValue_OrderExactly365DaysAgo_DoesNotCount() =>
        Evaluate(Spending(500m, 1, 365)).IsIn(StarterSegmentIds.HighValue).Should().BeFalse();

    [Fact]
    public void HighValue_AverageOrderValueVariant_Qualifies() =>
        Evaluate(Spending(300m, 1, 2), new StarterOptions { HighValueMinAverageOrderValue = 250m }).IsIn(StarterSegmentIds.HighValue).Should().BeTrue();

    [Fact]
    public void HighValue_AverageOrderValueNotSet_SpendOnly() =>
        Evaluate(Spending(300m, 1, 2)).IsIn(StarterSegmentIds.HighValue).Should().BeFalse();

    [Theory]
    [InlineData(334.99, false)]
    [InlineData(335, true)]
    [InlineData(394.99, true)]
    [InlineData(395, false)]
    public void Seasonal_OrderAroundOneYearAgo_MatchesInsideTolerance(double daysAgo, bool expected) =>
        Evaluate(WithOrders(daysAgo)).IsIn(StarterSegmentIds.Seasonal).Should().Be(expected);
}
