using System.Text.Json;
using static Segmentation.Cli.Tests.CliFixture;

namespace Segmentation.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public void Run_JsonFormat_WritesTheReportShape()
    {
        var (exitCode, output, error) = Run("--file", SamplePath, "--format", "json");

        exitCode.Should().Be(0);
        error.Should().BeEmpty();
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "source", "asOf", "highValueThreshold", "firstPurchase", "lastPurchase", "hasDataAfterAsOf", "warnings", "customers", "customersWithPurchases",
            "segments", "overlap", "rfm", "elapsedMs");
        root.GetProperty("source").GetString().Should().Be("CDNOW_sample.txt");
        root.GetProperty("asOf").GetString().Should().Be("1997-09-30");
        root.GetProperty("customers").GetInt32().Should().Be(2357);
        var loyal = root.GetProperty("segments").EnumerateArray().First();
        loyal.EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "name", "group", "customers", "share", "boughtAfterAsOf", "boughtAfterAsOfRate", "revenueAfterAsOf");
        loyal.GetProperty("id").GetString().Should().Be("loyal");
        loyal.GetProperty("group").GetString().Should().Be("engagement");
        root.GetProperty("overlap").GetProperty("counts").GetArrayLength().Should().Be(root.GetProperty("overlap").GetProperty("segments").GetArrayLength());
        root.GetProperty("rfm").GetProperty("grid").GetArrayLength().Should().Be(5);
        output.Should().NotContain("\u001b[", "JSON is for other tools: no colours");
    }

    [Fact]
    public void Run_CsvFormat_WritesOneTable()
    {
        var (exitCode, output, _) = Run("--file", SamplePath, "--format", "csv");

        exitCode.Should().Be(0);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("section,id,name,group,customers,share,bought_after_as_of,bought_after_as_of_rate,revenue_after_as_of");
        lines[1].Should().Be("population,all,All customers,,2357,1,,,");
        lines.Should().Contain(l => l.StartsWith("segment,loyal,Loyal (frequent buyer),engagement,193,", StringComparison.Ordinal));
        lines.Count(l => l.StartsWith("rfm-cell,", StringComparison.Ordinal)).Should().Be(25);
    }

    [Fact]
    public void Run_TableFormat_PrintsSectionsAndElapsedTime()
    {
        var (exitCode, output, _) = Run("--file", SamplePath, "--high-value", "100");

        exitCode.Should().Be(0);
        output.Should().Contain("2,357 customers").And.Contain("Starter segments").And.Contain("Customers per segment")
            .And.Contain("Overlap").And.Contain("RFM grid").And.Contain("RFM segments").And.Contain("spend >= 100.00")
            .And.MatchRegex(@"2,357 customers evaluated in \d+\.\d\d s");
    }

    [Fact]
    public void Run_NoArguments_UsesTheEmbeddedCdnowLog()
    {
        var (exitCode, output, _) = Run("--format", "json");

        exitCode.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("customers").GetInt32().Should().Be(23570);
        json.RootElement.GetProperty("source").GetString().Should().Be("CDNOW_master.txt (embedded)");
    }

    [Fact]
    public void Run_CsvInput_IsDetectedByExtension()
    {
        var path = TempFile("log.csv", "customer_id,date,amount\nc1,1997-09-01,30.00\nc1,1997-09-20,20.00\nc2,1997-01-05,12.50\n");

        var (exitCode, output, _) = Run("--file", path, "--format", "csv");

        exitCode.Should().Be(0);
        output.Should().Contain("population,all,All customers,,2,1,,,").And.Contain("segment,repeat,Repeat,engagement,1,");
    }

    [Fact]
    public void Run_MissingFile_FailsWithOneLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir", "missing.txt");

        var (exitCode, output, error) = Run("--file", path);

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"error: file not found: {path}{Environment.NewLine}");
    }

    [Fact]
    public void Run_MalformedLine_NamesFileAndLine()
    {
        var path = TempFile("broken.txt", "customer_id date number_of_cds dollar_value\r\n00001 19970101 1 11.77\r\n00002 1997x112 1 12.00\r\n");

        var (exitCode, _, error) = Run("--file", path);

        exitCode.Should().Be(1);
        error.Should().StartWith($"error: {path} line 3: ").And.EndWith(Environment.NewLine);
        error.TrimEnd().Should().NotContain(Environment.NewLine, "the message is one line, never a stack trace");
    }

    [Fact]
    public void Run_CsvWithoutRequiredColumn_NamesTheColumn()
    {
        var path = TempFile("orders.csv", "customer,date,amount\nc1,1997-09-01,30.00\n");

        var (exitCode, _, error) = Run("--file", path);

        exitCode.Should().Be(1);
        error.Should().StartWith($"error: {path} line 1: missing required column 'customer_id'");
    }

    [Theory]
    [InlineData(new[] { "--as-of", "1997-13-01" }, "error: --as-of '1997-13-01' is not a date in the form yyyy-MM-dd")]
    [InlineData(new[] { "--as-of", "30/09/1997" }, "error: --as-of '30/09/1997' is not a date in the form yyyy-MM-dd")]
    [InlineData(new[] { "--format", "xml" }, "error: --format 'xml' is not one of table, json, csv")]
    [InlineData(new[] { "--format", "1" }, "error: --format '1' is not one of table, json, csv")]
    [InlineData(new[] { "--high-value", "lots" }, "error: --high-value 'lots' is not a non-negative amount such as 250 or 99.50")]
    [InlineData(new[] { "--file" }, "error: option --file needs a value (try --help)")]
    [InlineData(new[] { "--file", "--format" }, "error: option --file needs a value (try --help)")]
    [InlineData(new[] { "--verbose" }, "error: unknown option '--verbose' (try --help)")]
    public void Run_BadArguments_FailWithOneLine(string[] args, string message)
    {
        var (exitCode, output, error) = Run(args);

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be(message + Environment.NewLine);
    }

    [Fact]
    public void Run_Help_PrintsUsage()
    {
        var (exitCode, output, _) = Run("--help");

        exitCode.Should().Be(0);
        output.Should().StartWith("Usage: segmentation [options]").And.Contain("--as-of <yyyy-MM-dd>");
    }
}
