using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Profiles (and facts) of a value type: every tier gives the answers plain C# gives, and the buffer API allocates
/// nothing per profile — a null check that takes an <see cref="object"/> would box each profile.
/// </summary>
public sealed class ValueTypeProfileTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Ids = ["recent-buyer", "big-spender", "nordic", "adult", "nordic-big-spender"];

    public static TheoryData<string> Tiers => [.. EngineTiers.All];

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Evaluate_ValueTypeProfiles_AgreesWithPlainCSharpOnEveryTier(string tier)
    {
        // Arrange
        var engine = SegmentEngine.Compile(Catalog(), EngineTiers.Options(tier));
        var buffer = new SegmentState[engine.MembershipIds.Count];

        foreach (var shopper in Shoppers())
        {
            // Act
            var decided = engine.Evaluate(shopper, AsOf, buffer);
            var result = engine.Evaluate(shopper, AsOf);

            // Assert
            decided.Should().BeTrue();
            foreach (var id in Ids)
            {
                var expected = Expected(shopper, id) ? SegmentState.In : SegmentState.Out;
                buffer[engine.IndexOf(id)].Should().Be(expected, $"{id} for shopper {shopper.Id} on the {tier} tier (buffer API)");
                result.StateOf(id).Should().Be(expected, $"{id} for shopper {shopper.Id} on the {tier} tier");
            }
        }

        foreach (var id in Ids)
        {
            Shoppers().Select(s => Expected(s, id)).Should().Contain(true, id).And.Contain(false, id);
        }
    }

    [Theory]
    [InlineData(EngineTiers.Network)]
    [InlineData(EngineTiers.Generated)]
    [InlineData(EngineTiers.NonCollectible)]
    public void Evaluate_BufferApiWithValueTypeProfiles_AllocatesNothingPerProfile(string tier)
    {
        // Arrange
        var engine = SegmentEngine.Compile(Catalog(), EngineTiers.Options(tier));
        var shoppers = Shoppers();
        var buffer = new SegmentState[engine.MembershipIds.Count];

        // Act
        var allocated = EngineTiers.AllocatedPerPass(shoppers, s => engine.Evaluate(s, AsOf, buffer));

        // Assert
        engine.RunsGeneratedCode.Should().Be(tier != EngineTiers.Network);
        allocated.Should().Be(0);
    }

    [Fact]
    public void EvaluateBatch_ValueTypeProfiles_FillsTheSameRowsAsOneByOne()
    {
        // Arrange
        var engine = SegmentEngine.Compile(Catalog(), EngineTiers.Options(EngineTiers.Generated));
        var shoppers = Shoppers();
        var width = engine.MembershipIds.Count;
        var rows = new SegmentState[shoppers.Length * width];
        var row = new SegmentState[width];

        // Act
        var faulted = engine.EvaluateBatch(shoppers.AsSpan(), AsOf, rows);

        // Assert
        faulted.Should().Be(0);
        for (var i = 0; i < shoppers.Length; i++)
        {
            engine.Evaluate(shoppers[i], AsOf, row);
            rows.AsSpan(i * width, width).ToArray().Should().Equal(row, $"shopper {shoppers[i].Id}");
        }
    }

    [Fact]
    public void ExplainAndValidUntil_ValueTypeProfiles_AgreeWithEvaluate()
    {
        // Arrange
        var engine = SegmentEngine.Compile(Catalog(), EngineTiers.Options(EngineTiers.Generated));

        foreach (var shopper in Shoppers())
        {
            // Act
            var result = engine.Evaluate(shopper, AsOf);
            var explanation = engine.Explain(shopper, "recent-buyer", AsOf);
            var validity = engine.ValidUntil(shopper, "recent-buyer", AsOf);

            // Assert: the explanation's outcome is the membership; a recent buyer stops being one once a purchase ages out
            explanation.Outcome.Should().Be(result.IsIn("recent-buyer") ? ExplanationOutcome.Yes : ExplanationOutcome.No, shopper.Id);
            if (result.IsIn("recent-buyer"))
            {
                validity.ValidUntil.Should().NotBeNull(shopper.Id).And.BeAfter(AsOf).And.BeOnOrBefore(AsOf.AddDays(30));
            }
        }
    }

    private static SegmentCatalog<Shopper> Catalog() => SegmentCatalog.Create<Shopper>(
        s =>
        {
            s.IdentifiedBy(p => p.Id);
            var purchases = s.Dated(p => p.Purchases, b => b.At);
            s.Segment("recent-buyer").When(purchases.Count().InLast(30).AtLeast(2));
            s.Segment("big-spender").When(purchases.Sum(b => b.Amount).InLast(365).AtLeast(100));
            s.Segment("nordic").When(s.Text(p => p.Country).In("SE", "NO", "DK", "FI"));
            s.Segment("adult").When(s.Value(p => p.Age).AtLeast(18));
            s.Segment("nordic-big-spender").When(s.InSegment("nordic")).And(s.InSegment("big-spender"));
        },
        "value-type-profiles");

    /// <summary>The segments written as plain C#, windows <c>asOf - span &lt; t &lt;= asOf</c>.</summary>
    private static bool Expected(Shopper shopper, string id)
    {
        var asOf = AsOf.UtcDateTime;
        bool Within(Purchase p, int days) => p.At <= asOf && p.At > asOf.AddDays(-days);
        var recent = shopper.Purchases.Count(p => Within(p, 30)) >= 2;
        var big = shopper.Purchases.Where(p => Within(p, 365)).Sum(p => p.Amount) >= 100m;
        var nordic = shopper.Country is "SE" or "NO" or "DK" or "FI";
        return id switch
        {
            "recent-buyer" => recent,
            "big-spender" => big,
            "nordic" => nordic,
            "adult" => shopper.Age >= 18,
            "nordic-big-spender" => nordic && big,
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
    }

    private static Shopper[] Shoppers()
    {
        var countries = new[] { "SE", "DE", "NO", "FR", "FI", null };
        var random = new Random(5);
        return [.. Enumerable.Range(0, 120).Select(i => new Shopper(
            $"s{i}",
            i % 7 == 0 ? null : random.Next(12, 70),
            countries[i % countries.Length],
            [.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => new Purchase(AsOf.UtcDateTime.AddDays(-random.Next(-3, 400)).AddHours(random.Next(0, 24)), random.Next(1, 60)))]))];
    }

    /// <summary>A profile of a value type.</summary>
    public readonly record struct Shopper(string Id, int? Age, string? Country, List<Purchase> Purchases);

    /// <summary>A fact of a value type.</summary>
    public readonly record struct Purchase(DateTime At, decimal Amount);
}
