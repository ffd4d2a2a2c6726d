using System.Linq.Expressions;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Properties;

/// <summary>Disagreements the differential properties found, shrunk to deterministic cases.</summary>
public sealed class Regressions
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compile_SameNamedStaticHelpersOfDifferentClasses_NotShared()
    {
        // VowelRule.Matches(p) and ShortIdRule.Matches(p) printed the same text, so the network shared one node for both.
        Expression<Func<PropProfile, bool>> vowel = p => VowelRule.Matches(p);
        Expression<Func<PropProfile, bool>> shortId = p => ShortIdRule.Matches(p);
        var catalog = new CatalogDefinition<PropProfile>(
            [new SegmentDefinition("vowel", "vowel", [new PredicateCondition(vowel)]), new SegmentDefinition("short-id", "short id", [new PredicateCondition(shortId)])],
            [],
            []);
        var profile = new PropProfile { Id = "p0", Country = "DE" };

        var result = SegmentEngine.Compile(catalog).Evaluate(profile, AsOf);

        result.StateOf("vowel").Should().Be(SegmentState.Out);
        result.StateOf("short-id").Should().Be(SegmentState.In);
    }

    [Fact]
    public void EvaluateIntoBuffer_FaultMaskedByTrueOperand_ReportsNothingFaulted()
    {
        // any(throws, true) is true: no segment faulted, so the buffer API must not report a fault the result API does not list.
        Expression<Func<PropProfile, bool>> throws = p => p.Country!.Length == 2;
        Expression<Func<PropProfile, bool>> promoter = p => p.Nps!.Value > 7;
        var catalog = new CatalogDefinition<PropProfile>(
            [new SegmentDefinition("either", "either", [new AnyCondition([new PredicateCondition(throws), new PredicateCondition(promoter)])])],
            [],
            []);
        var engine = SegmentEngine.Compile(catalog);
        var profile = new PropProfile { Id = "p0", Country = null, Nps = 9 };
        var memberships = new SegmentState[engine.MembershipIds.Count];

        var nothingFaulted = engine.Evaluate(profile, AsOf, memberships);

        memberships[engine.IndexOf("either")].Should().Be(SegmentState.In);
        engine.Evaluate(profile, AsOf).HasFaults.Should().BeFalse();
        nothingFaulted.Should().BeTrue();
    }

    [Fact]
    public void Compile_LiftedComparisonOfNullableWithConstant_DescribesAndEvaluates()
    {
        // p.Nps > 7 compares int? with Convert(7): stripping the conversion for display rebuilt an ill-typed node and threw.
        Expression<Func<PropProfile, bool>> promoter = p => p.Nps > 7;
        var minimum = 9;
        Expression<Func<PropProfile, bool>> captured = p => p.Nps >= minimum;
        var catalog = new CatalogDefinition<PropProfile>(
            [new SegmentDefinition("promoter", "promoter", [new PredicateCondition(promoter)]), new SegmentDefinition("nine", "nine", [new PredicateCondition(captured)])],
            [],
            []);

        var result = SegmentEngine.Compile(catalog).Evaluate(new PropProfile { Nps = 8 }, AsOf);

        new PredicateCondition(promoter).Describe().Should().Be("p.Nps > 7");
        new PredicateCondition(captured).Describe().Should().Be("p.Nps >= minimum");
        result.StateOf("promoter").Should().Be(SegmentState.In);
        result.StateOf("nine").Should().Be(SegmentState.Out);
    }
}
