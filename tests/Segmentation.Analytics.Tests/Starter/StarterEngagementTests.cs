using Segmentation.Analytics.Starter;
using static Segmentation.Analytics.Tests.Starter.StarterFixture;

namespace Segmentation.Analytics.Tests.Starter;

public class StarterEngagementTests
{
    [Fact]
    public void Engagement_FiveOrdersInLastYear_IsLoyal() =>
        Evaluate(WithOrders(1, 50, 100, 200, 364.99)).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Loyal);

    [Fact]
    public void Engagement_FifthOrderExactly365DaysAgo_IsRepeat() =>
        Evaluate(WithOrders(1, 50, 100, 200, 365)).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Repeat);

    [Fact]
    public void Engagement_TwoOrdersOneRecent_IsRepeat() =>
        Evaluate(WithOrders(10, 800)).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Repeat);

    [Fact]
    public void Engagement_OneOrderJustInsideActiveWindow_IsOneTime() =>
        Evaluate(WithOrders(364.99)).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.OneTime);

    [Fact]
    public void Engagement_OneOrderExactly365DaysAgo_IsInactive() =>
        Evaluate(WithOrders(365)).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Inactive);

    [Fact]
    public void Engagement_ManyOrdersAllOlderThanActiveWindow_IsInactive() =>
        Evaluate(WithOrders(400, 500, 600, 700, 800, 900)).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Inactive);

    [Fact]
    public void Engagement_NoOrders_IsInactive() =>
        Evaluate(new Shopper()).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Inactive);

    [Fact]
    public void Engagement_OrderAfterAsOf_IsInvisible() =>
        Evaluate(WithOrders(-1)).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Inactive);

    [Fact]
    public void Engagement_CustomLoyalThreshold_IsUsed() =>
        Evaluate(WithOrders(1, 2, 3), new StarterOptions { LoyalMinOrders = 3 }).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Loyal);

    [Fact]
    public void Engagement_ShorterActiveWindow_MakesOldOneTimeBuyerInactive() =>
        Evaluate(WithOrders(100), new StarterOptions { ActiveWindowDays = 90 }).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.Inactive);
}
