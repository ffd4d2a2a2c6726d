using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Generated code scans the collections a unit needs in the order the profile type declares them (the order most code
/// allocates them in, so the scans walk memory forwards), whatever order the definitions name them in; the order never
/// changes an answer.
/// </summary>
public sealed class ScanOrderTests
{
    public static TheoryData<string, bool> GeneratedTiers() => new()
    {
        { EngineTiers.Generated, true },
        { EngineTiers.Generated, false },
        { EngineTiers.NonCollectible, true },
        { EngineTiers.NonCollectible, false },
    };

    [Theory]
    [MemberData(nameof(GeneratedTiers))]
    public void Evaluate_EitherCollectionNamedFirst_ScansInDeclarationOrder(string tier, bool laterNamedFirst)
    {
        // Arrange: both collections are read by several tests, so the first unit scans both, before its tests.
        var engine = SegmentEngine.Compile(Catalog(laterNamedFirst), EngineTiers.Options(tier));
        var shopper = new LoggingShopper(
            earlier: [new Fact(Scenario.DaysAgo(1))],
            later: [new Fact(Scenario.DaysAgo(2)), new Fact(Scenario.DaysAgo(20))]);

        // Act
        var result = engine.Evaluate(shopper, Scenario.AsOf);

        // Assert
        result.HasFaults.Should().BeFalse();
        shopper.Reads.Should().Equal(["earlier", "later"], $"the {tier} code scans in declaration order, once per evaluation (later named first: {laterNamedFirst})");
        result.IsIn("both-recent").Should().BeTrue();
        result.IsIn("later-twice").Should().BeTrue();
        result.IsIn("earlier-twice").Should().BeFalse();
    }

    [Fact]
    public void Evaluate_EveryTier_GivesTheSameAnswersWhateverTheScanOrder()
    {
        var shoppers = Enumerable.Range(0, 40).Select(i => new LoggingShopper(
            earlier: [.. Enumerable.Range(0, i % 4).Select(d => new Fact(Scenario.DaysAgo((d * 3) + (i % 7))))],
            later: [.. Enumerable.Range(0, i % 5).Select(d => new Fact(Scenario.DaysAgo((d * 2) + (i % 3))))])).ToArray();
        var answers = EngineTiers.All.Select(tier =>
        {
            var engine = SegmentEngine.Compile(Catalog(laterNamedFirst: true), EngineTiers.Options(tier));
            return string.Join(";", shoppers.Select(s => string.Join(",", engine.Evaluate(s, Scenario.AsOf).Segments)));
        }).ToArray();

        answers.Distinct().Should().ContainSingle("every tier gives the same memberships");
    }

    [Fact]
    public void Ranks_PropertiesOfTheProfile_FollowDeclarationOrder()
    {
        var later = Dated<LoggingShopper>(s => s.Later);
        var earlier = Dated<LoggingShopper>(s => s.Earlier);

        DeclarationOrder.Ranks([later, earlier]).Should().Equal(1, 0);
        DeclarationOrder.Ranks([earlier, later]).Should().Equal(0, 1);
    }

    [Fact]
    public void Ranks_ComputedCollectionOrMixedMemberKinds_KeepTheOrderTheUnitsNeedThemIn()
    {
        DeclarationOrder.Ranks([Dated<LoggingShopper>(s => s.Later), Dated<LoggingShopper>(s => s.Earlier.Where(f => f.Amount > 0))])
            .Should().Equal([0, 0], "a computed collection has no declaration to order by");
        DeclarationOrder.Ranks([Dated<FieldShopper>(s => s.Later), Dated<FieldShopper>(s => s.Earlier)])
            .Should().Equal([0, 0], "a field's and a property's metadata tokens do not compare");
    }

    private static SegmentCatalog<LoggingShopper> Catalog(bool laterNamedFirst) => SegmentCatalog.Create<LoggingShopper>(
        s =>
        {
            var later = s.Dated(p => p.Later, f => f.At);
            var earlier = s.Dated(p => p.Earlier, f => f.At);
            var (first, second) = laterNamedFirst ? (later, earlier) : (earlier, later);
            s.Segment("both-recent").When(first.Count().InLast(7).AtLeast(1)).And(second.Count().InLast(7).AtLeast(1));
            s.Segment("later-twice").When(later.Count().InLast(30).AtLeast(2));
            s.Segment("earlier-twice").When(earlier.Count().InLast(30).AtLeast(2));
        },
        "scan-order");

    private static DatedCollectionDefinition Dated<TProfile>(System.Linq.Expressions.Expression<Func<TProfile, IEnumerable<Fact>?>> items) =>
        new DatedCollectionDefinition<TProfile, Fact>("facts", items, f => f.At);

    /// <summary>A profile whose collections record when they are read, declared "earlier" then "later".</summary>
    private sealed class LoggingShopper(List<Fact> earlier, List<Fact> later)
    {
        public List<string> Reads { get; } = [];

        public List<Fact> Earlier
        {
            get
            {
                Reads.Add("earlier");
                return earlier;
            }
        }

        public List<Fact> Later
        {
            get
            {
                Reads.Add("later");
                return later;
            }
        }
    }

    private sealed class FieldShopper
    {
        public List<Fact> Earlier = [];

        public List<Fact> Later { get; } = [];
    }
}
