using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class ScoreTests
{
    private static SegmentEngine<Person> Engine() => Compile(s =>
    {
        var f = s.Dated(p => p.Facts, x => x.At);
        s.Score("engagement")
            .Add(20, f.Any().InLast(90))
            .Add(10, f.Count().Ever().AtLeast(3))
            .Add(-15, p => p.Nps < 5)
            .Tiers(("inactive", 0), ("engaged", 20), ("loyal", 30));
        s.Score("priority")
            .Add(1, s.ScoreOf("engagement").AtLeast(30))
            .Add(2, s.ScoreOf("engagement").LessThan(0));
        s.Segment("loyal-by-score").When(s.ScoreOf("engagement").AtLeast(30));
    });

    [Fact]
    public void Evaluate_AllPositiveTermsTrue_SumsWeightsAndTiers()
    {
        var result = Engine().Evaluate(With(new Fact(DaysAgo(1)), new Fact(DaysAgo(200)), new Fact(DaysAgo(300))), AsOf);

        result.Score("engagement").Should().Be(30m);
        result.Tier("engagement").Should().Be("loyal");
        result.Score("priority").Should().Be(1m);
        result.IsIn("loyal-by-score").Should().BeTrue();
    }

    [Fact]
    public void Evaluate_ScoreExactlyOnThreshold_TakesThatTier()
    {
        var result = Engine().Evaluate(With(new Fact(DaysAgo(1))), AsOf);

        result.Score("engagement").Should().Be(20m);
        result.Tier("engagement").Should().Be("engaged");
    }

    [Fact]
    public void Evaluate_NegativeWeight_SubtractsAndFallsBelowFirstTier()
    {
        var result = Engine().Evaluate(new Person { Nps = 2 }, AsOf);

        result.Score("engagement").Should().Be(-15m);
        result.Tier("engagement").Should().BeNull();
        result.Score("priority").Should().Be(2m);
        result.Tier("priority").Should().BeNull();
    }

    [Fact]
    public void Evaluate_NoTermTrue_ScoreIsZeroInFirstTier()
    {
        var result = Engine().Evaluate(new Person { Nps = 8 }, AsOf);

        result.Score("engagement").Should().Be(0m);
        result.Tier("engagement").Should().Be("inactive");
    }

    [Fact]
    public void Evaluate_BufferApi_WritesScoresInScoreIdOrder()
    {
        var engine = Engine();
        var memberships = new SegmentState[engine.MembershipIds.Count];
        var scores = new decimal[engine.ScoreIds.Count];

        var ok = engine.Evaluate(new Person { Nps = 2 }, AsOf, memberships, scores);

        ok.Should().BeTrue();
        engine.ScoreIds.Should().Equal("engagement", "priority");
        scores.Should().Equal(-15m, 2m);
    }

    [Fact]
    public void Score_UnknownId_Throws()
    {
        var result = Engine().Evaluate(new Person(), AsOf);

        var act = () => result.Score("loyal-by-score");

        act.Should().Throw<ArgumentException>().WithMessage("'loyal-by-score' is not a score of this catalog.*");
    }
}
