using Segmentation.Testing.Tests.Support;
using static Segmentation.Testing.Tests.Support.ShopRows;

namespace Segmentation.Testing.Tests;

/// <summary>Broken decision tables: every structure error names the file and the line, every bad cell is a format error.</summary>
public sealed class DecisionTableFormatErrorTests
{
    [Fact]
    public void ParseCsv_RowWithTooFewFields_NamesFileAndLine()
    {
        var act = () => DecisionTable.ParseCsv("name,expect:loyal\n\nfirst,true\nsecond\n", "t.csv");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.csv line 4: row 2 has 1 field; the header has 2.");
    }

    [Fact]
    public void ParseCsv_QuotedFieldSpanningLines_CountsLinesInsideIt()
    {
        var act = () => DecisionTable.ParseCsv("name,expect:loyal\n\"two\nlines\",true\nthird,true,extra\n", "t.csv");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.csv line 4: row 2 has 3 fields; the header has 2.");
    }

    [Fact]
    public void ParseCsv_UnclosedQuote_NamesFileAndTheLineWhereItOpened()
    {
        var act = () => DecisionTable.ParseCsv("name,expect:loyal\nfirst,true\n\"second,true\n", "t.csv");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.csv line 3: a quoted field opened here is never closed.");
    }

    [Fact]
    public void ParseCsv_NoHeader_NamesTheFile()
    {
        var act = () => DecisionTable.ParseCsv("\n\n", "t.csv");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.csv line 1: the CSV has no header row.");
    }

    [Fact]
    public void ParseCsv_DuplicateColumnDifferingInCase_NamesFileLineAndBothSpellings()
    {
        var act = () => DecisionTable.ParseCsv("name,nps,NPS,expect\na,1,2,\n", "t.csv");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.csv line 1: the column 'NPS' appears twice ('nps' and 'NPS'; names are case-insensitive).");
    }

    [Fact]
    public void ParseCsv_BadCell_NamesFileLineRowAndColumn()
    {
        var act = () => DecisionTable.ParseCsv("name,expect:loyal\n\nfirst,true\nsecond,maybe", "t.csv");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.csv line 4, row 2 (second), column 'expect:loyal': 'maybe' is not true or false.");
    }

    [Fact]
    public void ParseJson_Malformed_NamesFileAndLine()
    {
        var act = () => DecisionTable.ParseJson("[\n  { \"name\": \"a\", \"expect\": [] },\n  { \"name\" \"b\" }\n]", "t.json");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.json line 3: the JSON is malformed: *");
    }

    [Fact]
    public void ParseJson_RowThatIsNotAnObject_NamesFileAndLine()
    {
        var act = () => DecisionTable.ParseJson("[\n  { \"expect\": [] },\n\n  42\n]", "t.json");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.json line 4: row 2 is a JSON number, not an object.");
    }

    [Fact]
    public void ParseJson_RootNotAnArray_NamesFileAndLine()
    {
        var act = () => DecisionTable.ParseJson("\n{ \"expect\": [] }", "t.json");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.json line 2: a JSON decision table is an array of objects, one per row, not an object.");
    }

    [Fact]
    public void ParseJson_DuplicateKeysDifferingInCase_AreAnError()
    {
        var act = () => DecisionTable.ParseJson("[\n  { \"expect\": [] },\n  { \"nps\": 1,\n    \"NPS\": 2, \"expect\": [] }\n]", "t.json");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.json line 4: row 2 has the key 'NPS' twice ('nps' and 'NPS'; names are case-insensitive).");
    }

    [Fact]
    public void ParseJson_ExactDuplicateKeys_AreAnError()
    {
        var act = () => DecisionTable.ParseJson("[{ \"nps\": 1, \"nps\": 2, \"expect\": [] }]", "t.json");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.json line 1: row 1 has the key 'nps' twice*");
    }

    [Fact]
    public void ParseJson_BadCell_NamesFileLineRowAndColumn()
    {
        var act = () => DecisionTable.ParseJson("[\n  { \"expect\": [] },\n  {\n    \"name\": \"b\", \"expect:loyal\": \"maybe\" }\n]", "t.json");

        act.Should().Throw<DecisionTableFormatException>().WithMessage("t.json line 3, row 2 (b), column 'expect:loyal': 'maybe' is not true or false.");
    }

    [Theory]
    [InlineData("+NaNd")]
    [InlineData("-NaNd")]
    [InlineData("-Infinityd")]
    [InlineData("+Infinityd")]
    [InlineData("+1e3d")]
    [InlineData("-1000000000d")]
    [InlineData("+99999999999999999999999999999d")]
    public void Date_RelativeDaysThatAreNotAFiniteNumberOfDaysInRange_AreFormatErrors(string cell)
    {
        var row = DecisionTable.ParseCsv($"asOf,lastOrder,expect\n2026-11-01,{cell},", "t.csv").Rows[0];

        var act = () => row.Date("lastOrder");

        act.Should().Throw<DecisionTableFormatException>().WithMessage($"t.csv line 2, row 1, column 'lastOrder': '{cell}'*");
    }

    [Theory]
    [InlineData("-30d", -30)]
    [InlineData("+1.5d", 1.5)]
    [InlineData("-0d", 0)]
    public void Date_RelativeDays_AreAddedToAsOf(string cell, double days)
    {
        var row = DecisionTable.ParseCsv($"asOf,lastOrder,expect\n2026-11-01,{cell},", "t.csv").Rows[0];

        row.Date("lastOrder").Should().Be(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(days));
    }

    [Fact]
    public void Result_TableParsedWithoutAName_DoesNotSayTableTwice()
    {
        var result = DecisionTable.ParseCsv("asOf,orders,lastOrder,expect:loyal\n2026-11-01,3,-10d,true").Run(Shop.Engine(), Map);

        result.ToString().Should().Be("Decision table 'unnamed': the 1 row passed.");
        result.ToString().Should().NotContain("table table");
    }

    [Fact]
    public void Result_OneFailingRowOfOne_SaysRowInTheSingular()
    {
        var result = DecisionTable.ParseCsv("asOf,orders,lastOrder,expect:loyal\n2026-11-01,1,-10d,true", "t.csv").Run(Shop.Engine(), Map);

        result.ToString().Should().StartWith("Decision table 't.csv': 1 of 1 row failed.");
    }
}
