using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.NRules.Engine;

namespace Segmentation.NRules.Tests.Translation;

/// <summary>
/// Negation over a membership must never see a half-built state under NRules' agenda: catalogs whose references are
/// defined in reverse order, and deep chains alternating "in" and "not in", give the native engine's answers.
/// </summary>
public sealed class StratificationTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Profile(int Value);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(40)]
    public void Evaluate_DeepAlternatingNegationChainDefinedInReverse_SameAsNative(int depth)
    {
        // s0 = value > 0; s(i) = not in s(i-1) (odd i) or in s(i-1) and value > -1 (even i); listed from the deepest to s0.
        var segments = new List<SegmentDefinition>();
        for (var i = depth; i >= 1; i--)
        {
            ConditionDefinition reference = new ReferenceCondition($"s{i - 1}", negated: i % 2 == 1);
            segments.Add(new SegmentDefinition($"s{i}", $"s{i}", i % 2 == 1 ? [reference] : [reference, Predicate(p => p.Value > -1)]));
        }

        segments.Add(new SegmentDefinition("s0", "s0", [Predicate(p => 10 / p.Value > 0)]));
        var catalog = new CatalogDefinition<Profile>(segments, [], []);
        var native = SegmentEngine.Compile(catalog);
        var nrules = NRulesSegmentEngine.Compile(catalog);

        foreach (var value in new[] { -3, 0, 5 })
        {
            var expected = native.Evaluate(new Profile(value), AsOf);
            var actual = nrules.Evaluate(new Profile(value), AsOf);
            foreach (var id in native.MembershipIds)
            {
                actual.StateOf(id).Should().Be(expected.StateOf(id), $"{id} for value {value}");
            }

            actual.Faults.Select(f => f.SegmentId).Should().Equal(expected.Faults.Select(f => f.SegmentId));
        }

        nrules.Evaluate(new Profile(5), AsOf).IsIn($"s{depth}").Should().Be(depth % 4 is 0 or 3, "not-in flips, in keeps");
        nrules.Evaluate(new Profile(0), AsOf).IsFaulted($"s{depth}").Should().BeTrue("a throwing condition faults every dependant, through not-in too");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-3)]
    [InlineData(0)]
    public void Fire_DeepChainDefinedInReverse_EveryRuleFiresOnceAndNoMembershipIsRevised(int value)
    {
        var segments = new List<SegmentDefinition>();
        for (var i = 30; i >= 1; i--)
        {
            segments.Add(new SegmentDefinition($"s{i}", $"s{i}", [new ReferenceCondition($"s{i - 1}", negated: i % 2 == 1)]));
        }

        segments.Add(new SegmentDefinition("s0", "s0", [Predicate(p => 10 / p.Value > 0)]));
        var engine = NRulesSegmentEngine.Compile(new CatalogDefinition<Profile>(segments, [], []));
        var session = engine.SessionFactory.CreateSession();
        var fired = new List<string>();
        var revised = new List<string>();
        session.Events.RuleFiredEvent += (_, e) => fired.Add(e.Rule.Name);
        session.Events.FactUpdatedEvent += (_, e) => revised.Add($"updated {e.Fact.Value}");
        session.Events.FactRetractedEvent += (_, e) => revised.Add($"retracted {e.Fact.Value}");

        engine.Rules.Insert(session, new Profile(value), AsOf);
        session.Fire();

        fired.Should().OnlyHaveUniqueItems("with strata as priorities, no rule fires on a half-built state and fires again");
        revised.Should().BeEmpty("no membership is asserted and then revised");
        fired.Contains("s0/c0").Should().Be(value != 0, "the condition rule fires unless its condition throws (NRules reports the exception)");
        fired.Should().Contain("conditions");
    }

    [Fact]
    public void Evaluate_GroupAndScoreReferencedBeforeDefinition_SameAsNative()
    {
        var catalog = new CatalogDefinition<Profile>(
            [
                new SegmentDefinition("not-top", "not-top", [new ReferenceCondition("tier", negated: true)]),
                new SegmentDefinition("scored", "scored", [new ComparisonCondition(new ScoreSource("points"), new Comparison(ComparisonOperator.AtLeast, 5))]),
                new SegmentDefinition("big", "big", [Predicate(p => p.Value >= 10)]),
            ],
            [new GroupDefinition("tier", "tier", [
                new GroupMemberDefinition("top", "top", [new ReferenceCondition("big")]),
                new GroupMemberDefinition("mid", "mid", [Predicate(p => p.Value >= 5)]),
            ])],
            [new ScoreDefinition("points", "points", [new ScoreTermDefinition(5, new ReferenceCondition("mid")), new ScoreTermDefinition(1, Predicate(p => p.Value > 0))], [])]);
        var native = SegmentEngine.Compile(catalog);
        var nrules = NRulesSegmentEngine.Compile(catalog);

        foreach (var value in new[] { 0, 3, 7, 12 })
        {
            var expected = native.Evaluate(new Profile(value), AsOf);
            var actual = nrules.Evaluate(new Profile(value), AsOf);
            actual.ToString().Should().Be(expected.ToString());
            actual.MemberOf("tier").Should().Be(expected.MemberOf("tier"));
            actual.Score("points").Should().Be(expected.Score("points"));
        }
    }

    /// <summary>A plain-lambda condition, made by the DSL as a user's catalog would make it.</summary>
    private static ConditionDefinition Predicate(System.Linq.Expressions.Expression<Func<Profile, bool>> predicate)
    {
        ConditionDefinition? made = null;
        _ = SegmentCatalog.Create<Profile>(s => made = s.Where(predicate).Definition).Definition;
        return made ?? throw new InvalidOperationException("The catalog was not defined.");
    }
}
