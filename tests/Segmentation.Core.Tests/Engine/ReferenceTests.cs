using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class ReferenceTests
{
    private static SegmentEngine<Person> ChainEngine() => Compile(s =>
    {
        var f = s.Dated(p => p.Facts, x => x.At);
        s.Segment("vip-at-risk").When(s.InSegment("high-value")).And(s.NotInSegment("active"));
        s.Segment("high-value").When(s.InSegment("buyer")).And(f.Sum(x => x.Amount).Ever().AtLeast(100));
        s.Segment("buyer").When(f.Any().Ever());
        s.Segment("active").When(f.Any().InLast(30));
    });

    [Fact]
    public void Evaluate_ThreeStrataChain_AssertsEveryLevel()
    {
        var result = ChainEngine().Evaluate(With(new Fact(DaysAgo(60), 150m)), AsOf);

        result.Segments.Should().Equal("vip-at-risk", "high-value", "buyer");
    }

    [Fact]
    public void Evaluate_NotInSegmentTargetMatches_IsFalse()
    {
        var result = ChainEngine().Evaluate(With(new Fact(DaysAgo(3), 150m)), AsOf);

        result.Segments.Should().Equal("high-value", "buyer", "active");
    }

    [Fact]
    public void Evaluate_MiddleOfChainFalse_TopIsFalse()
    {
        var result = ChainEngine().Evaluate(With(new Fact(DaysAgo(60), 50m)), AsOf);

        result.Segments.Should().Equal("buyer");
    }

    [Fact]
    public void Compile_ReferenceDefinedBeforeTarget_StratifiesByDependency()
    {
        var engine = ChainEngine();

        engine.RuleSet.StratumOf["buyer"].Should().Be(0);
        engine.RuleSet.StratumOf["active"].Should().Be(0);
        engine.RuleSet.StratumOf["high-value"].Should().Be(1);
        engine.RuleSet.StratumOf["vip-at-risk"].Should().Be(2);
    }

    [Fact]
    public void Evaluate_GroupMemberAndGroupReferences_FollowTheChoice()
    {
        // Arrange
        var engine = Compile(s =>
        {
            var f = s.Dated(p => p.Facts, x => x.At);
            s.Segment("in-purchase").When(s.InSegment("purchase"));
            s.Segment("not-awareness").When(s.NotInSegment("awareness"));
            s.Segment("staged").When(s.InSegment("stage"));
            s.Segment("unstaged").When(s.NotInSegment("stage"));
            s.Group("stage")
                .Member("post-purchase", f.Count().Ever().AtLeast(2))
                .Member("purchase", f.Any().InLast(30))
                .Otherwise("awareness");
            s.Group("strict").Member("big", f.Sum(x => x.Amount).Ever().AtLeast(1000));
            s.Segment("strict-any").When(s.InSegment("strict"));
        });

        // Act
        var purchaser = engine.Evaluate(With(new Fact(DaysAgo(3))), AsOf);
        var newcomer = engine.Evaluate(With(), AsOf);

        // Assert
        purchaser.Segments.Should().Equal("in-purchase", "not-awareness", "staged", "stage", "purchase");
        newcomer.Segments.Should().Equal("staged", "stage", "awareness");
        newcomer.IsIn("unstaged").Should().BeFalse();
        newcomer.IsIn("strict").Should().BeFalse();
        newcomer.IsIn("strict-any").Should().BeFalse();
    }

    [Fact]
    public void Evaluate_ReferenceToScoreBasedSegment_SeesScore()
    {
        var engine = Compile(s =>
        {
            s.Segment("promoter-vip").When(s.InSegment("engaged")).And(p => p.Nps >= 9);
            s.Segment("engaged").When(s.ScoreOf("engagement").AtLeast(20));
            s.Score("engagement").Add(10, p => p.City == "Oslo").Add(10, p => p.Nps != null);
        });

        engine.Evaluate(new Person { Nps = 9 }, AsOf).Segments.Should().Equal("promoter-vip", "engaged");
        engine.Evaluate(new Person { Nps = 9, City = "Bergen" }, AsOf).Segments.Should().BeEmpty();
    }
}
