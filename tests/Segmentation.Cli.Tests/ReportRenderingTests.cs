using System.Text.Json;
using System.Text.RegularExpressions;
using Segmentation.Cli.Rendering;
using Segmentation.Cli.Reporting;
using static Segmentation.Cli.Tests.CliFixture;

namespace Segmentation.Cli.Tests;

/// <summary>What a marketer reads in the report: bars to scale, the RFM grid explained, as-of outside the data said out loud.</summary>
public partial class ReportRenderingTests
{
    [Theory]
    [InlineData(14119, 14119, 48, 384)]
    [InlineData(1861, 14119, 48, 51)]
    [InlineData(1169, 14119, 48, 32)]
    [InlineData(1, 14119, 48, 1)]
    [InlineData(0, 14119, 48, 0)]
    public void Eighths_AreTheValuesShareOfTheLongestBar_AndNeverZeroAboveZero(long value, long max, int width, int expected) =>
        ProportionalBarChart.Eighths(value, max, width).Should().Be(expected);

    [Fact]
    public void Bar_DrawsFullAndPartialBlocks_ThatMeasureBack()
    {
        ProportionalBarChart.Bar(19).Should().Be("██▍");
        for (var eighths = 0; eighths <= 100; eighths++)
            ProportionalBarChart.Measure(ProportionalBarChart.Bar(eighths)).Should().Be(eighths);
    }

    [Fact]
    public void Table_BarChart_IsToScaleOnTheRealData()
    {
        var (_, output, _) = Run("--file", SamplePath);

        var bars = ChartBars(output);
        bars.Should().HaveCountGreaterThan(4);
        var max = bars.Max(b => b.Value);
        foreach (var (label, value, eighths) in bars)
        {
            if (value == 0)
            {
                eighths.Should().Be(0, label);
                continue;
            }

            eighths.Should().BeGreaterThan(0, $"{label} has {value} customers, so its bar must show");
            var exact = (double)value / max * TableReportRenderer.ChartWidth * 8;
            eighths.Should().BeInRange((int)Math.Floor(exact), Math.Max(1, (int)Math.Ceiling(exact)), $"{label}: {value} of {max}");
        }
    }

    [Fact]
    public void Table_RfmGrid_ExplainsTheEmptyFrequencyColumnWithTheCutPoints()
    {
        var (_, output, _) = Run("--file", SamplePath);
        var rfm = SampleReport.Rfm!;
        var f = rfm.FrequencyCutPoints;

        rfm.Grid.Sum(row => row[1]).Should().Be(0, "the sample's frequency cut points are tied, which empties F2");
        Flat(output).Should().Contain($"frequency {string.Join(", ", f.Select(c => c.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} repeat purchases")
            .And.Contain("F2 is empty: two frequency cut points are tied at 0, so every customer with frequency 0 scores F1");
    }

    [Fact]
    public void RfmNotes_ChainOfTies_NameEveryEmptyScoreAndTheScoreTheTiedValueGets()
    {
        var notes = RfmNotes.For(5, [10m, 20m, 30m, 40m], [0m, 0m, 0m, 3m], [5m, 5m, 9m, 12m]);

        notes.Should().HaveCount(4);
        notes[1].Should().StartWith("F2 is empty").And.Contain("frequency 0 scores F1");
        notes[2].Should().StartWith("F3 is empty").And.Contain("frequency 0 scores F1");
        notes[3].Should().StartWith("M2 is empty").And.Contain("monetary 5.00 scores M1");
        RfmNotes.For(5, [10m, 10m, 30m, 40m], [1m, 2m, 3m, 4m], [1m, 2m, 3m, 4m])[1].Should().StartWith("R4 is empty").And.Contain("recency 10 scores R5");
    }

    [Fact]
    public void Table_StarterAndRfmLoyal_HaveDifferentIdsAndNames()
    {
        var starter = SampleReport.Segments.Single(s => s.Id == "loyal");
        var rfm = SampleReport.Rfm!.Segments.Single(s => s.Name.StartsWith("Loyal", StringComparison.Ordinal));

        rfm.Id.Should().Be("rfm:loyal");
        starter.Name.Should().NotBe(rfm.Name);
        var (_, output, _) = Run("--file", SamplePath);
        output.Should().Contain("│ rfm:loyal ");
    }

    [Fact]
    public void AsOfBeforeTheData_WarnsInTheTableAndOnStandardErrorForJson()
    {
        var (exitCode, table, _) = Run("--file", SamplePath, "--as-of", "1990-01-01");
        var (_, json, error) = Run("--file", SamplePath, "--as-of", "1990-01-01", "--format", "json");

        exitCode.Should().Be(0);
        const string Warning = "warning: as-of 1990-01-01 is before the first purchase in the log (1997-01-01)";
        Flat(table).Should().Contain(Warning);
        error.Should().StartWith(Warning);
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("warnings")[0].GetString().Should().StartWith("as-of 1990-01-01 is before the first purchase");
    }

    [Fact]
    public void AsOfAtTheEndOfTheData_SaysThereIsNoDataAfterAsOf()
    {
        var (_, table, _) = Run("--file", SamplePath, "--as-of", "1998-06-30");
        var (_, csv, error) = Run("--file", SamplePath, "--as-of", "1998-06-30", "--format", "csv");

        Flat(table).Should().Contain("there is no data after as-of").And.NotContain("0.0 % │\n");
        StarterRows(table).Should().OnlyContain(row => row.EndsWith("no data", StringComparison.Ordinal));
        error.Should().Contain("warning: the log ends on 1998-06-30, on or before as-of 1998-06-30: there is no data after as-of");
        csv.Split(Environment.NewLine).Single(l => l.StartsWith("segment,loyal,", StringComparison.Ordinal)).Should().EndWith(",,,");
    }

    [Fact]
    public void AsOfInsideTheData_HasNoWarning()
    {
        SampleReport.Warnings.Should().BeEmpty();
        SampleReport.HasDataAfterAsOf.Should().BeTrue();
        SampleReport.Segments.Single(s => s.Id == "loyal").BoughtAfterAsOfRate.Should().BeGreaterThan(0);
    }

    [Fact]
    public void OneCustomer_IsSingular()
    {
        var path = TempFile("one.csv", "customer_id,date,amount\nc1,1997-09-01,30.00\n");

        var (exitCode, output, _) = Run("--file", path);

        exitCode.Should().Be(0);
        output.Should().Contain("1 customer, 1 with a purchase").And.Contain("fitted on 1 customer)").And.MatchRegex(@"1 customer evaluated in")
            .And.NotContain("1 customers");
    }

    private static List<(string Label, long Value, int Eighths)> ChartBars(string output)
    {
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("Customers per segment", StringComparison.Ordinal));
        var bars = new List<(string, long, int)>();
        foreach (var line in lines.Skip(start + 1))
        {
            var match = BarLine().Match(line);
            if (!match.Success)
                break;
            bars.Add((match.Groups["label"].Value, long.Parse(match.Groups["value"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
                ProportionalBarChart.Measure(match.Groups["bar"].Value)));
        }

        return bars;
    }

    private static IEnumerable<string> StarterRows(string output) =>
        output.Split('\n').SkipWhile(l => !l.Contains("Starter segments", StringComparison.Ordinal)).Skip(4).TakeWhile(l => l.StartsWith('│'))
            .Select(l => l.TrimEnd().TrimEnd('│').TrimEnd());

    /// <summary>The output with console line wrapping undone.</summary>
    private static string Flat(string output) => Regex.Replace(output.ReplaceLineEndings("\n"), @" ?\n(?=[a-z0-9(])", " ");

    [GeneratedRegex(@"^\s*(?<label>[a-z-]+)\s+(?<bar>[█▏▎▍▌▋▊▉]*)\s*(?<value>[\d,]+)\s*$")]
    private static partial Regex BarLine();
}
