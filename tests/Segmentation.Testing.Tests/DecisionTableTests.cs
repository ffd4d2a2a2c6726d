using Segmentation.Testing.Tests.Support;
using static Segmentation.Testing.Tests.Support.ShopRows;

namespace Segmentation.Testing.Tests;

public sealed class DecisionTableTests
{
    private static readonly Core.Engine.SegmentEngine<Customer> Engine = Shop.Engine();

    public static IEnumerable<object[]> CsvRows => DecisionTable.Load(DataFile("shop.csv")).AsTheoryData();

    [Theory]
    [MemberData(nameof(CsvRows))]
    public void Run_EveryCsvRowAsATheoryCase_Passes(DecisionRow row)
    {
        row.Run(Engine, Map).ThrowIfFailed();
    }

    [Fact]
    public void Load_Csv_ReadsColumnsRowsAndTypedCells()
    {
        var table = DecisionTable.Load(DataFile("shop.csv"));

        table.Name.Should().Be("shop.csv");
        table.Rows.Select(r => r.Label).Should().Equal("row 1 (lapsing)", "row 2 (fan)", "row 3 (new, no orders)");
        var fan = table.Rows[1];
        fan.AsOf.Should().Be(Shop.AsOf);
        fan.Int32("NPS").Should().Be(10);
        fan.Decimal("nps").Should().Be(10m);
        fan.Date("lastOrder").Should().Be(Shop.DaysAgo(3));
        fan.Date("lastOrder").Kind.Should().Be(DateTimeKind.Utc);
        fan.List("expect").Should().Equal("promoter");
        fan.Has("amount").Should().BeFalse();
        fan.ToString().Should().Be("row 2 (fan)");
    }

    [Fact]
    public void Run_Csv_AllRowsPass()
    {
        var result = DecisionTable.Load(DataFile("shop.csv")).Run(Engine, Map);

        result.Passed.Should().BeTrue(result.ToString());
        result.ToString().Should().Be("Decision table 'shop.csv': all 3 rows passed.");
    }

    [Fact]
    public void ThrowIfFailed_CsvWithFailingRows_ListsEveryFailingRowWithItsExplanation()
    {
        var table = DecisionTable.ParseCsv(
            """
            name,asOf,orders,lastOrder,expect,expect:churn-risk
            two orders,2026-11-01,2,-10d,loyal,false
            ok,2026-11-01,1,-10d,,false
            lapsing,2026-11-01,3,-100d,loyal,false
            """,
            "examples");

        var result = table.Run(Engine, Map);
        var act = result.ThrowIfFailed;

        result.Failures.Select(f => f.Row.Number).Should().Equal(1, 3);
        act.Should().Throw<SegmentAssertionException>().Which.Message.Should().Be(string.Join(
            Environment.NewLine,
            "Decision table 'examples': 2 of 3 rows failed.",
            "row 1 (two orders) as of 2026-11-01T00:00:00Z: failed",
            "  expect: expected [loyal], was []",
            "    loyal: no",
            "      count(orders) in last 365 days = 2, needs >= 3: no",
            "row 3 (lapsing) as of 2026-11-01T00:00:00Z: failed",
            "  expect: expected [loyal], was [loyal, churn-risk]",
            "    churn-risk: yes",
            "      in loyal: yes",
            "        count(orders) in last 365 days = 3, needs >= 3: yes",
            "      count(orders) in last 90 days = 0, needs = 0: yes",
            "  expect:churn-risk: expected out, was in",
            "    churn-risk: yes",
            "      in loyal: yes",
            "        count(orders) in last 365 days = 3, needs >= 3: yes",
            "      count(orders) in last 90 days = 0, needs = 0: yes"));
    }

    [Fact]
    public void Run_JsonWithFailingRow_ReportsTheScoreWithItsTerms()
    {
        var result = DecisionTable.Load(DataFile("shop.json")).Run(Engine, Map);

        result.Rows.Take(3).Should().OnlyContain(r => r.Passed, result.ToString());
        var failure = result.Failures.Should().ContainSingle().Which;
        failure.Row.Label.Should().Be("row 4 (wrong score)");
        failure.Mismatches.Should().ContainSingle().Which.ToString().Should().StartWith(string.Join(
            Environment.NewLine,
            "score:engagement: expected >= 10, was 0",
            "  score engagement = 0 (tier low): yes",
            "    +20 if: no",
            "      count(orders) in last 30 days = 0, needs >= 1: no",
            "    +10 if: no"));
        failure.Result!.ProfileId.Should().Be("wrong score");
    }

    [Fact]
    public void ParseJson_ArraysAndNulls_BecomeListsAndEmptyCells()
    {
        var table = DecisionTable.ParseJson("""[{ "asOf": "2026-11-01", "tags": ["a", "b"], "nps": null, "expect": [] }]""");

        var row = table.Rows.Should().ContainSingle().Which;
        row.List("tags").Should().Equal("a", "b");
        row["nps"].Should().BeNull();
        row.List("expect").Should().BeEmpty();
    }

    [Fact]
    public void ParseCsv_BadExpectationCell_ThrowsNamingRowAndColumn()
    {
        var act = () => DecisionTable.ParseCsv("name,expect:loyal\nfirst,true\nsecond,maybe", "t.csv");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.csv line 3, row 2 (second), column 'expect:loyal': 'maybe' is not true or false.");
    }

    [Fact]
    public void ParseCsv_NoExpectationColumn_Throws()
    {
        var act = () => DecisionTable.ParseCsv("name,nps\na,1");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("*no column states an expectation*");
    }

    [Fact]
    public void Decimal_NotANumber_ThrowsNamingRowAndColumn()
    {
        var row = DecisionTable.ParseCsv("nps,expect\nabc,").Rows[0];

        var act = () => row.Decimal("nps");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("unnamed line 2, row 1, column 'nps': 'abc' is not a number.");
    }

    [Fact]
    public void Run_MapperThrows_FailsTheRow()
    {
        var table = DecisionTable.ParseCsv("name,asOf,orders,expect\nbad,2026-11-01,x,");

        var result = table.Run(Engine, Map);

        result.Failures.Should().ContainSingle().Which.Mismatches.Single().Actual.Should()
            .Be("the mapper threw DecisionTableFormatException: unnamed line 2, row 1 (bad), column 'orders': 'x' is not a whole number.");
    }

    [Fact]
    public void Run_UnknownSegmentInExpect_FailsTheRow()
    {
        var result = DecisionTable.ParseCsv("asOf,expect\n2026-11-01,loyl").Run(Engine, Map);

        result.Failures.Should().ContainSingle().Which.Mismatches.Single().Actual.Should().Be("'loyl' is not a segment, group or member of the catalog");
    }
}
