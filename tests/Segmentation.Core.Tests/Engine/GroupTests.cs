using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class GroupTests
{
    private static SegmentEngine<Person> Journey(bool fallback) => Compile(s =>
    {
        var f = s.Dated(p => p.Facts, x => x.At);
        var group = s.Group("journey")
            .Member("post-purchase", f.Count().Ever().AtLeast(2))
            .Member("purchase", f.Any().InLast(30))
            .Member("consideration", s.Where(p => p.Nps != null));
        if (fallback)
        {
            group.Otherwise("awareness");
        }
    });

    [Fact]
    public void Evaluate_SeveralMembersMatch_FirstMatchWins()
    {
        var result = Journey(fallback: true).Evaluate(new Person { Nps = 5, Facts = [new Fact(DaysAgo(1)), new Fact(DaysAgo(2))] }, AsOf);

        result.MemberOf("journey").Should().Be("post-purchase");
        result.IsIn("post-purchase").Should().BeTrue();
        result.IsIn("purchase").Should().BeFalse();
        result.IsIn("consideration").Should().BeFalse();
        result.IsIn("awareness").Should().BeFalse();
        result.IsIn("journey").Should().BeTrue();
    }

    [Fact]
    public void Evaluate_LaterMemberMatches_ChoosesIt()
    {
        var result = Journey(fallback: true).Evaluate(new Person { Nps = 5 }, AsOf);

        result.MemberOf("journey").Should().Be("consideration");
        result.Segments.Should().Equal("journey", "consideration");
    }

    [Fact]
    public void Evaluate_NoMemberMatchesWithFallback_ChoosesFallback()
    {
        var result = Journey(fallback: true).Evaluate(new Person(), AsOf);

        result.MemberOf("journey").Should().Be("awareness");
        result.Segments.Should().Equal("journey", "awareness");
    }

    [Fact]
    public void Evaluate_NoMemberMatchesWithoutFallback_MemberOfIsNull()
    {
        var result = Journey(fallback: false).Evaluate(new Person(), AsOf);

        result.MemberOf("journey").Should().BeNull();
        result.IsIn("journey").Should().BeFalse();
        result.StateOf("journey").Should().Be(SegmentState.Out);
        result.Segments.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_EveryProfile_IsInExactlyOneMemberWithFallback()
    {
        var engine = Journey(fallback: true);
        var people = new[]
        {
            new Person(),
            new Person { Nps = 1 },
            With(new Fact(DaysAgo(3))),
            With(new Fact(DaysAgo(300)), new Fact(DaysAgo(200))),
        };
        string[] members = ["post-purchase", "purchase", "consideration", "awareness"];

        var counts = people.Select(p => engine.Evaluate(p, AsOf)).Select(r => members.Count(r.IsIn));

        counts.Should().AllBeEquivalentTo(1);
    }

    [Fact]
    public void MemberOf_UnknownGroup_Throws()
    {
        var result = Journey(fallback: true).Evaluate(new Person(), AsOf);

        var act = () => result.MemberOf("post-purchase");

        act.Should().Throw<ArgumentException>().WithMessage("'post-purchase' is not a group of this catalog.*");
    }
}
