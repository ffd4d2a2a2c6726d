using Segmentation.Core.Dsl;
using Segmentation.Core.Rules;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Validation;

namespace Segmentation.Core.Tests.Rules;

public sealed class RuleSetTests
{
    private static RuleSet<Person> RuleSet() => RuleSet<Person>.From(SegmentCatalog.Create<Person>(s =>
    {
        var orders = s.Dated(p => p.Facts, o => o.At, "orders");
        s.Segment("vip", "VIP").Describe("Big and loyal").Tagged("value").WithPriority(5)
            .When(s.InSegment("buyer")).And(s.ScoreOf("engagement").AtLeast(10));
        s.Segment("buyer").When(orders.Any().Ever());
        s.Group("stage", "Stage")
            .Member("active", orders.Any().InLast(30))
            .Member("lapsed", s.InSegment("buyer"))
            .Otherwise("prospect");
        s.Score("engagement", "Engagement")
            .Add(10, orders.Count().Ever().AtLeast(2))
            .Add(-3, s.InSegment("lapsed"));
    }).Definition);

    [Fact]
    public void From_Catalog_MakesOneRulePerSegmentMemberAndScoreTerm()
    {
        var rules = RuleSet().Rules;

        rules.Select(r => (r.Id, r.Kind)).Should().BeEquivalentTo(new[]
        {
            ("vip", RuleKind.Segment),
            ("buyer", RuleKind.Segment),
            ("active", RuleKind.GroupMember),
            ("lapsed", RuleKind.GroupMember),
            ("prospect", RuleKind.GroupMember),
            ("engagement#0", RuleKind.ScoreTerm),
            ("engagement#1", RuleKind.ScoreTerm),
        });
    }

    [Fact]
    public void From_Catalog_AssignsStrataByDependencies()
    {
        var ruleSet = RuleSet();

        ruleSet.StratumOf.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["buyer"] = 0,
            ["stage"] = 1,
            ["active"] = 2,
            ["lapsed"] = 2,
            ["prospect"] = 2,
            ["engagement"] = 3,
            ["vip"] = 4,
        });
        ruleSet.StratumCount.Should().Be(5);
        ruleSet.Rules.Select(r => r.Stratum).Should().BeInAscendingOrder();
    }

    [Fact]
    public void From_Catalog_RecordsDependenciesAndMetadata()
    {
        var rules = RuleSet().Rules.ToDictionary(r => r.Id);

        rules["vip"].Dependencies.Should().Equal("buyer", "engagement");
        rules["vip"].Stratum.Should().Be(4);
        rules["vip"].Name.Should().Be("VIP");
        rules["vip"].Description.Should().Be("Big and loyal");
        rules["vip"].Tags.Should().Equal("value");
        rules["vip"].Priority.Should().Be(5);
        rules["lapsed"].Dependencies.Should().Equal("buyer");
        rules["lapsed"].ParentId.Should().Be("stage");
        rules["lapsed"].Order.Should().Be(1);
        rules["lapsed"].Stratum.Should().Be(1);
        rules["prospect"].IsFallback.Should().BeTrue();
        rules["prospect"].Conditions.Should().BeEmpty();
        rules["engagement#1"].Weight.Should().Be(-3m);
        rules["engagement#1"].Dependencies.Should().Equal("lapsed");
        rules["engagement#1"].ParentId.Should().Be("engagement");
        rules["engagement#0"].Dependencies.Should().BeEmpty();
    }

    [Fact]
    public void ToString_RuleSet_ListsRulesInStratumOrder()
    {
        var text = RuleSet().ToString();

        text.Should().Be(string.Join(
            Environment.NewLine,
            "[0] buyer: count(orders) ever >= 1 => member of buyer",
            "[1] active: count(orders) in last 30 days >= 1 => member of active",
            "[1] lapsed: in buyer => member of lapsed",
            "[1] prospect: otherwise => member of prospect",
            "[3] engagement#0: count(orders) ever >= 2 => add 10 to engagement",
            "[3] engagement#1: in lapsed => add -3 to engagement",
            "[4] vip: in buyer and score engagement >= 10 => member of vip"));
    }

    [Fact]
    public void From_InvalidCatalog_Throws()
    {
        var definition = SegmentCatalog.Create<Person>(s => s.Segment("x").When(s.InSegment("y"))).Definition;

        var act = () => RuleSet<Person>.From(definition);

        act.Should().Throw<CatalogDefinitionException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be(new CatalogError("segments[x].conditions[0]", "references unknown segment 'y'"));
    }
}
