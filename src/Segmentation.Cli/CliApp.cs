using System.Diagnostics;
using Segmentation.Analytics.Purchases;
using Segmentation.Cli.Rendering;
using Segmentation.Cli.Reporting;
using Segmentation.Cli.Tracking;
using Segmentation.Core.Tracking;
using Spectre.Console;

namespace Segmentation.Cli;

/// <summary>
/// The command: parse, read, evaluate, render. Every expected problem ends as one line on the error writer and exit code 1.
/// Warnings (an as-of outside the data) are part of the table; with JSON or CSV they also go to the error writer.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="console">The console for the table format and the progress display.</param>
    /// <param name="output">Standard output, for JSON, CSV and help.</param>
    /// <param name="error">Standard error, for the one-line error message.</param>
    /// <returns>0 on success, 1 on bad input.</returns>
    public static int Run(IReadOnlyList<string> args, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (args.Count > 0 && args[0] == "track")
            {
                return TrackCli.Run(args, output);
            }

            var options = CliOptions.Parse(args);
            if (options.Help)
            {
                output.WriteLine(CliOptions.Usage);
                return 0;
            }

            var stopwatch = Stopwatch.StartNew();
            var report = options.Format == OutputFormat.Table && console.Profile.Capabilities.Interactive
                ? BuildWithProgress(console, options)
                : Build(options, null);
            stopwatch.Stop();
            Render(options.Format, report, stopwatch.Elapsed, console, output);
            if (options.Format != OutputFormat.Table)
            {
                foreach (var warning in report.Warnings)
                    error.WriteLine("warning: " + warning);
            }

            return 0;
        }
        catch (Exception e) when (e is CliException or PurchaseLogFormatException or MembershipStoreException)
        {
            error.WriteLine("error: " + CliText.Shorten(e.Message.ReplaceLineEndings(" "), 1000));
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"error: unexpected {e.GetType().Name}: {CliText.Shorten(e.Message.ReplaceLineEndings(" "), 300)}");
            return 1;
        }
    }

    private static CliReport Build(CliOptions options, IProgress<int>? progress)
    {
        var (records, source) = PurchaseLogSource.Read(options.File, CsvOptions(options));
        var customers = CdnowCustomer.FromRecords(records);
        return ReportBuilder.Build(customers, source, options.AsOf, options.HighValue, progress);
    }

    private static CsvPurchaseLogOptions CsvOptions(CliOptions options) =>
        new() { Delimiter = options.Delimiter, IgnoreUnknownColumns = options.IgnoreUnknownColumns };

    private static CliReport BuildWithProgress(IAnsiConsole console, CliOptions options) =>
        console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var reading = context.AddTask("Reading purchase log").IsIndeterminate();
                var (records, source) = PurchaseLogSource.Read(options.File, CsvOptions(options));
                var customers = CdnowCustomer.FromRecords(records);
                reading.IsIndeterminate(false).Value(reading.MaxValue);
                var evaluating = context.AddTask("Evaluating customers", maxValue: Math.Max(customers.Count, 1));
                var report = ReportBuilder.Build(customers, source, options.AsOf, options.HighValue, new InlineProgress(done => evaluating.Value = done));
                evaluating.Value = evaluating.MaxValue;
                return report;
            });

    private static void Render(OutputFormat format, CliReport report, TimeSpan elapsed, IAnsiConsole console, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonReportWriter.Write(output, report, elapsed);
                break;
            case OutputFormat.Csv:
                CsvReportWriter.Write(output, report);
                break;
            default:
                TableReportRenderer.Render(console, report, elapsed);
                break;
        }
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
