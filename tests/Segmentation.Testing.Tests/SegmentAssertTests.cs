using Segmentation.Testing.Tests.Support;
using static Segmentation.Testing.Tests.Support.Shop;

namespace Segmentation.Testing.Tests;

public sealed class SegmentAssertTests
{
    private static readonly Core.Engine.SegmentEngine<Customer> Shop = Engine();

    [Fact]
    public void IsIn_Member_ReturnsResult()
    {
        var result = SegmentAssert.IsIn(Shop, Lapsing(), "churn-risk", AsOf);

        result.IsIn("loyal").Should().BeTrue();
    }

    [Fact]
    public void IsIn_NotMember_ThrowsWithExplanationAndComputedValue()
    {
        var act = () => SegmentAssert.IsIn(Shop, With(new Order(DaysAgo(10), 5m)), "loyal", AsOf);

        var failure = act.Should().Throw<SegmentAssertionException>().Which;
        failure.Message.Should().Be(string.Join(
            Environment.NewLine,
            "Expected profile 'c1' to be in 'loyal' as of 2026-11-01T00:00:00Z, but it is not.",
            "Explanation:",
            "loyal: no",
            "  count(orders) in last 365 days = 1, needs >= 3: no"));
        failure.SubjectId.Should().Be("loyal");
        failure.Explanation!.Outcome.Should().Be(Core.Engine.ExplanationOutcome.No);
    }

    [Fact]
    public void IsNotIn_Member_ThrowsNamingTheConditionsThatHeld()
    {
        var act = () => Shop.AssertNotIn(Lapsing(), "churn-risk", AsOf);

        act.Should().Throw<SegmentAssertionException>().WithMessage(
            "Expected profile 'c1' not to be in 'churn-risk' as of 2026-11-01T00:00:00Z, but it is.*" +
            "count(orders) in last 90 days = 0, needs = 0: yes*");
    }

    [Fact]
    public void IsNotIn_FaultedMembership_Throws()
    {
        var engine = Core.Engine.SegmentEngine.Compile(Core.Dsl.SegmentCatalog.Create<Customer>(s => s.Segment("x").When(c => c.Orders[5].Amount > 1)));

        var act = () => engine.AssertNotIn(With(), "x", AsOf);

        act.Should().Throw<SegmentAssertionException>().WithMessage("*but its membership faulted.*ArgumentOutOfRangeException*");
    }

    [Fact]
    public void ChoosesMember_OtherMember_ThrowsWithGroupExplanation()
    {
        Shop.AssertChooses(With(new Order(DaysAgo(3), 1m)), "stage", "buyer", AsOf);

        var act = () => Shop.AssertChooses(Lapsing(), "stage", "buyer", AsOf);

        act.Should().Throw<SegmentAssertionException>().WithMessage(
            "Expected group 'stage' to choose 'buyer' for profile 'c1' as of 2026-11-01T00:00:00Z, but it chose 'browser'.*" +
            "buyer: no*count(orders) in last 30 days = 0, needs >= 1: no*browser = otherwise: yes");
    }

    [Fact]
    public void ScoreAtLeast_Lower_ThrowsWithValueAndTerms()
    {
        var customer = new Customer { Nps = 10, Orders = [new Order(DaysAgo(3), 1m)] };
        Shop.AssertScoreAtLeast(customer, "engagement", 30, AsOf);

        var act = () => Shop.AssertScoreAtLeast(Lapsing(), "engagement", 10, AsOf);

        act.Should().Throw<SegmentAssertionException>().WithMessage(
            "Expected score 'engagement' of profile 'c1' to be at least 10 as of 2026-11-01T00:00:00Z, but it was 0.*score engagement = 0 (tier low): yes*+20 if: no*");
    }

    [Fact]
    public void HasTier_OtherTier_ThrowsWithScore()
    {
        Shop.AssertTier(With(new Order(DaysAgo(3), 1m)), "engagement", "high", AsOf);

        var act = () => SegmentAssert.HasTier(Shop, Lapsing(), "engagement", "high", AsOf);

        act.Should().Throw<SegmentAssertionException>().WithMessage(
            "Expected score 'engagement' of profile 'c1' to be in tier 'high' as of 2026-11-01T00:00:00Z, but it was in tier 'low' (score 0).*");
    }

    [Fact]
    public void IsIn_NoAsOf_UsesTheEngineClock()
    {
        var clock = new FixedClock(AsOf);
        var engine = Engine(new Core.Engine.SegmentEngineOptions { TimeProvider = clock });
        var customer = With(new Order(DaysAgo(20), 1m));

        engine.AssertIn(customer, "buyer");
        clock.Advance(TimeSpan.FromDays(15));
        var act = () => engine.AssertIn(customer, "buyer");

        act.Should().Throw<SegmentAssertionException>().WithMessage("*as of 2026-11-16T00:00:00Z*count(orders) in last 30 days = 0*");
    }

    [Fact]
    public void IsIn_UnknownId_ThrowsArgumentException()
    {
        var act = () => Shop.AssertIn(With(), "nope", AsOf);

        act.Should().Throw<ArgumentException>();
    }
}
