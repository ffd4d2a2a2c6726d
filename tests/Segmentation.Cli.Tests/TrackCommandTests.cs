using Microsoft.Data.Sqlite;

namespace Segmentation.Cli.Tests;

public sealed class TrackCommandTests
{
    [Fact]
    public void Track_SampleWeekByWeek_PrintsChangesAndSizes_AndASecondRunAddsNothing()
    {
        var store = Path.Combine(Path.GetTempPath(), "segmentation-cli-tests", Guid.NewGuid().ToString("N"), "segments.db");
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        string[] args = ["track", "--store", store, "--file", CliFixture.SamplePath, "--from", "1997-01-01", "--to", "1997-02-26"];

        var first = CliFixture.Run(args);
        var rowsAfterFirst = Count(store, "seg_changes");
        var second = CliFixture.Run(args);

        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("Tracking 2,357 customers of CDNOW_sample.txt")
            .And.Contain("1997-01-01     4,714         0         0  tracked")
            .And.Contain("1997-02-26  ")
            .And.Contain("Sizes over time (1997-01-01 to 1997-02-26, one column per run)");
        first.Output.Should().MatchRegex(@"repeat\s+\S+\s+0 →\s+238");
        rowsAfterFirst.Should().BeGreaterThan(4714);
        second.ExitCode.Should().Be(0, second.Error);
        second.Output.Should().Contain("0 changes added").And.Contain("1997-02-26  ").And.NotContain("  tracked\n");
        Count(store, "seg_changes").Should().Be(rowsAfterFirst);
        Count(store, "seg_runs").Should().Be(9);
    }

    [Fact]
    public void Track_BadStep_EndsWithOneClearMessage()
    {
        var (exitCode, _, error) = CliFixture.Run("track", "--every", "hour");

        exitCode.Should().Be(1);
        error.Trim().Should().Be("error: track: --every must be day, week or month, not 'hour'");
    }

    private static long Count(string store, string table)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
