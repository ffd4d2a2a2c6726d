using Segmentation.NRules.Engine;
using Segmentation.Testing;
using Segmentation.Testing.Tests.Support;
using static Segmentation.Testing.Tests.Support.ShopRows;

namespace Segmentation.NRules.Tests.Testing;

/// <summary>Segmentation.Testing's assertions and decision tables, unchanged, against the NRules engine.</summary>
public sealed class TestingPackageTests
{
    private static readonly NRulesSegmentEngine<Customer> Engine = NRulesSegmentEngine.Compile(Shop.Catalog());

    [Fact]
    public void DecisionTable_ShopCsv_AllRowsPass()
    {
        var result = DecisionTable.Load(DataFile("shop.csv")).Run(Engine, Map);

        result.Passed.Should().BeTrue(result.ToString());
        result.ToString().Should().Be("Decision table 'shop.csv': all 3 rows passed.");
    }

    [Fact]
    public void DecisionTable_ShopJson_SameRowFailsAsWithTheNativeEngine()
    {
        var result = DecisionTable.Load(DataFile("shop.json")).Run(Engine, Map);
        var native = DecisionTable.Load(DataFile("shop.json")).Run(Shop.Engine(), Map);

        result.Rows.Take(3).Should().OnlyContain(r => r.Passed, result.ToString());
        var failure = result.Failures.Should().ContainSingle().Which;
        failure.Row.Label.Should().Be(native.Failures.Single().Row.Label);
        failure.Mismatches.Single().ToString().Should().StartWith(string.Join(
            Environment.NewLine,
            "score:engagement: expected >= 10, was 0",
            "  score engagement = 0 (tier low): yes",
            "    +20 if: no",
            "      count(orders) in last 30 days >= 1: no",
            "    +10 if: no"));
    }

    [Fact]
    public void Assertions_Lapsing_PassAsWithTheNativeEngine()
    {
        var lapsing = Shop.Lapsing();

        Engine.AssertIn(lapsing, "loyal", Shop.AsOf);
        Engine.AssertIn(lapsing, "churn-risk", Shop.AsOf);
        Engine.AssertNotIn(lapsing, "promoter", Shop.AsOf);
        Engine.AssertChooses(lapsing, "stage", "browser", Shop.AsOf);
        Engine.AssertTier(lapsing, "engagement", "low", Shop.AsOf);
        Engine.AssertScoreAtLeast(lapsing, "engagement", 0, Shop.AsOf);
    }

    [Fact]
    public void AssertIn_NotAMember_ThrowsWithTheExplanation()
    {
        var act = () => Engine.AssertIn(Shop.With(), "loyal", Shop.AsOf);

        act.Should().Throw<SegmentAssertionException>().WithMessage("*loyal: no*count(orders) in last 365 days >= 3: no*");
    }
}
