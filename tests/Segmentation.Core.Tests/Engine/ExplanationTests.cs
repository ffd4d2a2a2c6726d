using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class ExplanationTests
{
    private static SegmentEngine<Person> Engine() => Compile(s =>
    {
        var orders = s.Dated(p => p.Facts, o => o.At, "orders");
        s.Segment("vip-at-risk").When(s.InSegment("high-value")).And(s.InSegment("churn-risk"));
        s.Segment("high-value").When(orders.Sum(o => o.Amount).InLast(365).AtLeast(1000));
        s.Segment("churn-risk").When(orders.Count().Ever().AtLeast(3)).And(orders.None().InLast(90));
        s.Segment("fragile").When(p => p.City!.Length > 3).And(s.NotInSegment("high-value"));
        s.Segment("either").When(orders.Any().InLast(7) | !orders.Max(o => o.Amount).Ever().AtLeast(500));
        s.Score("engagement")
            .Add(20, orders.Any().InLast(90))
            .Add(-5, s.InSegment("churn-risk"))
            .Add(7, p => p.Nps >= 9)
            .Tiers(("low", 0), ("high", 10));
        s.Group("stage").Member("buyer", orders.Any().InLast(30)).Otherwise("browser");
    });

    private static Person ChurningVip() => With(new Fact(DaysAgo(100), 400m), new Fact(DaysAgo(120), 400m), new Fact(DaysAgo(400), 400m));

    [Fact]
    public void Explain_ReferenceChainMember_RendersEveryLevel()
    {
        var explanation = Engine().Explain(ChurningVip(), "vip-at-risk", AsOf);

        explanation.ToString().Should().Be(string.Join(
            Environment.NewLine,
            "vip-at-risk: no",
            "  in high-value: no",
            "    sum(orders.Amount) in last 365 days = 800, needs >= 1000: no",
            "  in churn-risk: yes",
            "    count(orders) ever = 3, needs >= 3: yes",
            "    count(orders) in last 90 days = 0, needs = 0: yes"));
        explanation.Outcome.Should().Be(ExplanationOutcome.No);
        explanation.Children.Should().HaveCount(2);
    }

    [Fact]
    public void Explain_CompositeAndNoValue_RendersTreeAndNoValue()
    {
        var explanation = Engine().Explain(With(), "either", AsOf);

        explanation.ToString().Should().Be(string.Join(
            Environment.NewLine,
            "either: yes",
            "  any of: yes",
            "    count(orders) in last 7 days = 0, needs >= 1: no",
            "    not: yes",
            "      max(orders.Amount) ever = (no value), needs >= 1000: no".Replace("1000", "500", StringComparison.Ordinal)));
    }

    [Fact]
    public void Explain_FaultedCondition_ContainsExceptionType()
    {
        var explanation = Engine().Explain(new Person { City = null }, "fragile", AsOf);

        explanation.ToString().Should().Be(string.Join(
            Environment.NewLine,
            "fragile: faulted",
            "  p.City.Length > 3: faulted — NullReferenceException: Object reference not set to an instance of an object.",
            "  not in high-value: yes",
            "    sum(orders.Amount) in last 365 days = 0, needs >= 1000: no"));
        explanation.Outcome.Should().Be(ExplanationOutcome.Faulted);
        explanation.Children[0].Exception.Should().BeOfType<NullReferenceException>();
    }

    [Fact]
    public void Explain_Score_RendersTermsValueAndTier()
    {
        var explanation = Engine().Explain(ChurningVip(), "engagement", AsOf);

        explanation.ToString().Should().Be(string.Join(
            Environment.NewLine,
            "score engagement = -5: yes",
            "  +20 if: no",
            "    count(orders) in last 90 days = 0, needs >= 1: no",
            "  -5 if: yes",
            "    in churn-risk: yes",
            "      count(orders) ever = 3, needs >= 3: yes",
            "      count(orders) in last 90 days = 0, needs = 0: yes",
            "  +7 if: no",
            "    p.Nps >= 9: no"));
    }

    [Fact]
    public void Explain_ScoreInTier_ShowsTierWithValue()
    {
        var explanation = Engine().Explain(With(new Fact(DaysAgo(1), 10m)), "engagement", AsOf);

        explanation.Line.Should().Be("score engagement = 20 (tier high): yes");
    }

    [Fact]
    public void Explain_FaultedScore_ShowsFaultedWithException()
    {
        var engine = Compile(s => s.Score("sc").Add(1, p => p.City!.Length > 1));

        var explanation = engine.Explain(new Person { City = null }, "sc", AsOf);

        explanation.ToString().Should().Be(string.Join(
            Environment.NewLine,
            "score sc: faulted — NullReferenceException: Object reference not set to an instance of an object.",
            "  +1 if: faulted",
            "    p.City.Length > 1: faulted — NullReferenceException: Object reference not set to an instance of an object."));
    }

    [Fact]
    public void Explain_Group_RendersMembers()
    {
        var explanation = Engine().Explain(With(), "stage", AsOf);

        explanation.ToString().Should().Be(string.Join(
            Environment.NewLine,
            "stage: yes",
            "  buyer: no",
            "    count(orders) in last 30 days = 0, needs >= 1: no",
            "  browser = otherwise: yes"));
    }

    [Fact]
    public void Explain_UnknownId_Throws()
    {
        var act = () => Engine().Explain(With(), "nope", AsOf);

        act.Should().Throw<ArgumentException>().WithMessage("'nope' is not a segment, group, group member or score of this catalog.*");
    }
}
