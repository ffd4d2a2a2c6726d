using static Segmentation.Cli.Tests.CliFixture;

namespace Segmentation.Cli.Tests;

/// <summary>Hostile and careless input files: one clear line naming the file and the line, exit code 1, never a crash.</summary>
public class CliInputHardeningTests
{
    [Fact]
    public void Run_AmountsWhoseSumsWouldOverflow_FailNamingFileAndLine()
    {
        var path = TempFile("huge.csv", "customer_id,date,amount\nc1,1997-09-01,50000000000000000000000000000\nc1,1997-09-01,50000000000000000000000000000\n");

        var (exitCode, output, error) = Run("--file", path);

        exitCode.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith($"error: {path} line 2: amount 50000000000000000000000000000 is larger than 1,000,000,000,000,000").And.NotContain("Overflow");
    }

    [Fact]
    public void Run_LargestAmountsOnOneDay_AreSummedWithoutOverflow()
    {
        var lines = Enumerable.Range(0, 50).Select(_ => "c1,1997-09-01,1000000000000000,2000000000");
        var path = TempFile("big.csv", "customer_id,date,amount,quantity\n" + string.Join('\n', lines) + "\n");

        var (exitCode, output, error) = Run("--file", path, "--format", "csv");

        exitCode.Should().Be(0, error);
        output.Should().Contain("population,all,All customers,,1,1,,,");
    }

    [Fact]
    public void Run_HugeField_IsCutInTheErrorMessage()
    {
        var path = TempFile("wide.csv", "customer_id,date,amount\nc1,1997-09-01," + new string('9', 40_000) + "x\n");

        var (exitCode, _, error) = Run("--file", path);

        exitCode.Should().Be(1);
        error.Should().StartWith($"error: {path} line 2: amount '9999").And.Contain("(40,001 characters)");
        error.Length.Should().BeLessThan(path.Length + 200);
    }

    [Fact]
    public void Run_TenMegabyteLine_FailsAtTheLineLimitWithFileAndLine()
    {
        var path = TempFile("long.csv", "customer_id,date,amount\n" + new string('a', 10_000_000) + "\n");

        var (exitCode, _, error) = Run("--file", path);

        exitCode.Should().Be(1);
        error.Should().Be($"error: {path} line 2: the line is longer than 65,536 characters: a purchase log has one short record per line; is this the right file?{Environment.NewLine}");
    }

    [Fact]
    public void Run_DevZero_FailsAtLineOneInsteadOfFillingMemory()
    {
        if (!OperatingSystem.IsLinux())
            return; // /dev/zero is the Linux device the issue was found with; CI runs on Linux.

        var (exitCode, _, error) = Run("--file", "/dev/zero");

        exitCode.Should().Be(1);
        error.Should().Be("error: /dev/zero line 1: the line is longer than 65,536 characters and contains NUL characters: this looks like a binary file, not a purchase log" + Environment.NewLine);
    }

    [Fact]
    public void Run_UnknownCsvColumn_FailsUnlessIgnored()
    {
        var path = TempFile("extra.csv", "customer_id,date,amount,quantiy\nc1,1997-09-01,30.00,2\n");

        var (exitCode, _, error) = Run("--file", path);
        var (ignoredExit, output, _) = Run("--file", path, "--ignore-unknown-columns", "--format", "csv");

        exitCode.Should().Be(1);
        error.Should().StartWith($"error: {path} line 1: unknown column 'quantiy'");
        ignoredExit.Should().Be(0);
        output.Should().Contain("population,all,All customers,,1,1,,,");
    }

    [Theory]
    [InlineData("customer_id,date,amount\nc1,1997-09-01,-30.00\n", "line 2: amount -30.00 is negative")]
    [InlineData("customer_id,date,amount,quantity\nc1,1997-09-01,30.00,-1\n", "line 2: quantity -1 is negative")]
    [InlineData("customer_id,date,amount,Date\nc1,1997-09-01,30.00,1997-09-01\n", "line 1: column 'Date' appears twice in the header (columns 2 and 4)")]
    [InlineData("customer_id,date,amount\nc\u00001,1997-09-01,30.00\n", "line 2: customer_id 'c\\u00001' contains the control character U+0000 at position 2")]
    public void Run_CarelessCsv_IsRejectedWithFileAndLine(string content, string message)
    {
        var path = TempFile("careless.csv", content);

        var (exitCode, _, error) = Run("--file", path);

        exitCode.Should().Be(1);
        error.Should().StartWith($"error: {path} {message}");
    }

    [Fact]
    public void Run_SemicolonCsv_GetsADelimiterHint_AndReadsWithTheOption()
    {
        var path = TempFile("semi.csv", "customer_id;date;amount\nc1;1997-09-01;30.00\n");

        var (exitCode, _, error) = Run("--file", path);
        var (delimitedExit, output, _) = Run("--file", path, "--delimiter", ";", "--format", "csv");

        exitCode.Should().Be(1);
        error.Should().Contain("is the file delimited by ';'? Set CsvPurchaseLogOptions.Delimiter (CLI: --delimiter).");
        delimitedExit.Should().Be(0);
        output.Should().Contain("population,all,All customers,,1,1,,,");
    }

    [Theory]
    [InlineData(new[] { "--delimiter", ";;" }, "error: --delimiter ';;' is not one character (or tab) other than a quote or a line break")]
    [InlineData(new[] { "--delimiter", "\"" }, "error: --delimiter '\"' is not one character (or tab) other than a quote or a line break")]
    public void Run_BadDelimiter_FailsWithOneLine(string[] args, string message)
    {
        var (exitCode, _, error) = Run(args);

        exitCode.Should().Be(1);
        error.Should().Be(message + Environment.NewLine);
    }

    [Fact]
    public void Run_TabDelimiter_IsAccepted()
    {
        var path = TempFile("tabs.csv", "customer_id\tdate\tamount\nc1\t1997-09-01\t30.00\n");

        var (exitCode, _, error) = Run("--file", path, "--delimiter", "tab", "--format", "json");

        exitCode.Should().Be(0, error);
    }
}
