using Segmentation.Testing.Tests.Support;
using static Segmentation.Testing.Tests.Support.Shop;

namespace Segmentation.Testing.Tests;

public sealed class ConditionCoverageTests
{
    private static Customer Fan() => new() { Nps = 10, Orders = [new Order(DaysAgo(3), 10m)] };

    [Fact]
    public void Record_TwoOppositeProfiles_ReportsTheOneConditionNeverTrue()
    {
        var coverage = ConditionCoverage.For(Engine());

        coverage.Record(Lapsing(), AsOf);
        coverage.Record(Fan(), AsOf);

        coverage.Evaluations.Should().Be(2);
        coverage.Gaps.Should().ContainSingle().Which.Should().Be(new ConditionCoverageEntry("promoter", "1.2", "sum(orders.Amount) ever >= 1000", 0, 2, 0));
        coverage.IsComplete.Should().BeFalse();
        coverage.ToString().Should().Be(string.Join(
            Environment.NewLine,
            "Condition coverage of shop over 2 evaluations: 8 of 9 conditions were both true and false.",
            "Never true:",
            "  promoter [1.2] sum(orders.Amount) ever >= 1000"));
    }

    [Fact]
    public void Entries_EveryRuleConditionAndOperand_InRuleOrder()
    {
        var coverage = ConditionCoverage.For(Engine());

        coverage.Record(Lapsing(), AsOf);

        coverage.Entries.Select(e => $"{e.RuleId} [{e.Path}] {e.TrueCount}/{e.FalseCount}").Should().Equal(
            "loyal [1] 1/0",
            "promoter [1] 0/1",
            "promoter [1.1] 0/1",
            "promoter [1.2] 0/1",
            "buyer [1] 0/1",
            "engagement#0 [1] 0/1",
            "engagement#1 [1] 0/1",
            "churn-risk [1] 1/0",
            "churn-risk [2] 1/0");
        coverage.ToString().Should().Contain("Never false:" + Environment.NewLine + "  loyal [1] count(orders) in last 365 days >= 3");
    }

    [Fact]
    public void ThrowIfIncomplete_AllCovered_DoesNotThrow()
    {
        var coverage = ConditionCoverage.For(Engine());
        coverage.Record(Lapsing(), AsOf);
        coverage.Record(Fan(), AsOf);
        coverage.Record(With(new Order(DaysAgo(400), 2000m)), AsOf);

        coverage.Invoking(c => c.ThrowIfIncomplete()).Should().NotThrow();
        coverage.Gaps.Should().BeEmpty();
    }

    [Fact]
    public void Run_DecisionTableWithCoverage_RecordsEveryRow()
    {
        var coverage = ConditionCoverage.For(Engine());

        DecisionTable.Load(ShopRows.DataFile("shop.csv")).Run(Engine(), ShopRows.Map, coverage).ThrowIfFailed();

        coverage.Evaluations.Should().Be(3);
        coverage.Invoking(c => c.ThrowIfIncomplete()).Should().Throw<SegmentAssertionException>().WithMessage("*promoter [1.2] sum(orders.Amount) ever >= 1000*");
    }

    [Fact]
    public void Record_FaultingCondition_CountsFaults()
    {
        var engine = Core.Engine.SegmentEngine.Compile(Core.Dsl.SegmentCatalog.Create<Customer>(s => s.Segment("x").When(c => c.Orders[0].Amount > 1)));
        var coverage = ConditionCoverage.For(engine);

        coverage.Record(With(), AsOf);

        coverage.Entries.Should().ContainSingle().Which.FaultedCount.Should().Be(1);
    }
}
