using Segmentation.Analytics.Starter;
using static Segmentation.Analytics.Tests.Starter.StarterFixture;

namespace Segmentation.Analytics.Tests.Starter;

public class StarterJourneyTests
{
    [Fact]
    public void Journey_TwoOldOrders_IsPostPurchase() =>
        Evaluate(WithOrders(300, 400)).MemberOf(StarterSegmentIds.JourneyStage).Should().Be(StarterSegmentIds.PostPurchase);

    [Fact]
    public void Journey_OneOrderJustInsideThirtyDays_IsPurchase() =>
        Evaluate(WithOrders(29.99)).MemberOf(StarterSegmentIds.JourneyStage).Should().Be(StarterSegmentIds.Purchase);

    [Fact]
    public void Journey_OneOrderExactlyThirtyDaysAgo_IsAwareness() =>
        Evaluate(WithOrders(30)).MemberOf(StarterSegmentIds.JourneyStage).Should().Be(StarterSegmentIds.Awareness);

    [Fact]
    public void Journey_RecentAddToCart_IsConsideration() =>
        Evaluate(WithActivity(new Shopper(), "AddToCart", 29.99)).MemberOf(StarterSegmentIds.JourneyStage).Should().Be(StarterSegmentIds.Consideration);

    [Fact]
    public void Journey_AddToCartExactlyThirtyDaysAgo_IsAwareness() =>
        Evaluate(WithActivity(new Shopper(), "AddToCart", 30)).MemberOf(StarterSegmentIds.JourneyStage).Should().Be(StarterSegmentIds.Awareness);

    [Fact]
    public void Journey_RecentOrderAndAddToCart_PurchaseWins() =>
        Evaluate(WithActivity(WithOrders(5), "AddToCart", 1)).MemberOf(StarterSegmentIds.JourneyStage).Should().Be(StarterSegmentIds.Purchase);

    [Fact]
    public void Journey_CustomEventTypeNames_AreUsed()
    {
        var mapping = new StarterMapping<Shopper>()
            .Purchases(s => s.Orders, o => o.At, o => o.Total)
            .Events(s => s.Activity, e => e.At, e => e.Kind, new StarterEventTypes { AddToCart = "cart.add" });

        var result = Compile(mapping: mapping).Evaluate(WithActivity(new Shopper(), "cart.add", 2), AsOf);

        result.MemberOf(StarterSegmentIds.JourneyStage).Should().Be(StarterSegmentIds.Consideration);
    }

    [Fact]
    public void Journey_NoEventsMapped_HasNoConsiderationStage()
    {
        var mapping = new StarterMapping<Shopper>().Purchases(s => s.Orders, o => o.At, o => o.Total);

        var engine = Compile(mapping: mapping);

        engine.MembershipIds.Should().NotContain(StarterSegmentIds.Consideration)
            .And.Contain([StarterSegmentIds.PostPurchase, StarterSegmentIds.Purchase, StarterSegmentIds.Awareness]);
    }
}
