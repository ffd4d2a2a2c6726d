using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Segmentation.Core.Dsl;
using Segmentation.Core.Validation;
using Segmentation.NRules.Engine;
using Segmentation.NRules.Facts;

namespace Segmentation.NRules.Tests.Translation;

public sealed class RuleModelTests
{
    public sealed record Order(DateTimeOffset At, decimal Amount);

    public sealed class Customer
    {
        public List<Order> Orders { get; init; } = [];

        public string Country { get; init; } = "DE";
    }

    private static SegmentCatalog<Customer> Catalog() => SegmentCatalog.Create<Customer>(s =>
    {
        var orders = s.Dated(c => c.Orders, o => o.At);
        s.Segment("vip").When(s.InSegment("big")).And(s.NotInSegment("german"));
        s.Segment("big").When(orders.Sum(o => o.Amount).Ever().AtLeast(100));
        s.Segment("german").When(s.Text(c => c.Country).In("DE"));
        s.Group("stage").Member("buyer", orders.Any().Ever()).Otherwise("browser");
        s.Score("points").Add(3, s.InSegment("big")).Tiers(("none", 0), ("some", 3));
    }, "shop");

    [Fact]
    public void From_Catalog_OneNRulesRulePerRuleNamedByRuleIdPlusConditionGroupAndScoreRules()
    {
        var rules = NRulesSegmentRules<Customer>.From(Catalog());

        var names = rules.Rules.Select(r => r.Name).ToArray();
        names.Should().Contain(rules.Source.Rules.Select(r => r.Id), "every segment, member and score term is an NRules rule named by its id");
        names.Should().Contain(["stage", "points"]);
        names.Where(n => n.Contains("/c", StringComparison.Ordinal)).Should().HaveCount(rules.ConditionCount);
        rules.ConditionCount.Should().Be(3);
        rules.RuleSet.Name.Should().Be("segmentation:shop");
        rules.RuleSet.Rules.Should().HaveCount(rules.Rules.Count);
        rules.GetRuleSets().Should().ContainSingle().Which.Should().BeSameAs(rules.RuleSet);
    }

    [Fact]
    public void From_InAndNotIn_AreAJoinAndANegationOverMembershipFacts()
    {
        var vip = NRulesSegmentRules<Customer>.From(Catalog()).Rules.Single(r => r.Name == "vip");
        var elements = vip.LeftHandSide.ChildElements.ToArray();

        elements.OfType<PatternElement>().Should().Contain(p => p.ValueType == typeof(SegmentMembership<Customer>), "in big joins big's membership fact");
        elements.OfType<NotElement>().Should().ContainSingle().Which.Source.Should().BeOfType<PatternElement>()
            .Which.ValueType.Should().Be(typeof(SegmentMembership<Customer>));
    }

    [Fact]
    public void From_Priorities_FollowStrata()
    {
        var rules = NRulesSegmentRules<Customer>.From(Catalog()).Rules.ToDictionary(r => r.Name);

        rules["big"].Priority.Should().BeGreaterThan(rules["vip"].Priority);
        rules["big"].Priority.Should().BeGreaterThan(rules["points#0"].Priority);
        rules["buyer"].Priority.Should().BeGreaterThan(rules["stage"].Priority, "members decide before their group chooses");
        rules.Values.Where(r => r.Name.Contains("/c", StringComparison.Ordinal)).Should().OnlyContain(r => r.Priority > rules["big"].Priority);
    }

    [Fact]
    public void ToString_PrintsEveryRuleWithItsConditionsAndActions()
    {
        var text = NRulesSegmentRules<Customer>.From(Catalog()).ToString();

        text.Should().Contain("rule \"vip\" priority");
        text.Should().Contain("// [1] vip: in big and not in german => member of vip");
        text.Should().Contain("not");
        text.Should().Contain("from Collect of");
        text.Should().Contain("rule \"big/c0\" priority");
    }

    [Fact]
    public void Compile_InvalidCatalog_RejectedByTheNativeValidationBeforeNRules()
    {
        var catalog = SegmentCatalog.Create<Customer>(s =>
        {
            var orders = s.Dated(c => c.Orders, o => o.At);
            s.Segment("a").When(orders.Count().InLast(-90).AtLeast(1));
            s.Segment("b").When(s.InSegment("missing"));
        }, "bad");
        var native = () => Core.Engine.SegmentEngine.Compile(catalog);
        var nrules = () => NRulesSegmentEngine.Compile(catalog);

        var expected = native.Should().Throw<CatalogDefinitionException>().Which.Message;
        nrules.Should().Throw<CatalogDefinitionException>().Which.Message.Should().Be(expected);
    }

    [Fact]
    public void Compile_RuleNRulesCannotCompile_OneExceptionNamingTheRule()
    {
        var broken = new RuleBuilder();
        broken.Name("user-rule");
        var pattern = broken.LeftHandSide().Pattern(typeof(IEnumerable<Customer>), "all");
        var aggregate = pattern.Aggregate();
        aggregate.Aggregator("NoSuchAggregator", [], null!);
        aggregate.Pattern(typeof(Customer), "c");
        broken.RightHandSide().Action((System.Linq.Expressions.Expression<Action<IContext>>)(ctx => ctx.Halt()));
        var set = new global::NRules.RuleModel.RuleSet("mine");
        set.Add(broken.Build());
        var options = new NRulesEngineOptions();
        options.AdditionalRuleSets.Add(set);

        var act = () => NRulesSegmentEngine.Compile(Catalog(), options);

        act.Should().Throw<NRulesCompilationException>().Where(e => e.RuleId == "user-rule" && e.Message.StartsWith("NRules could not compile rule 'user-rule' of catalog 'shop'"));
    }
}
