using Segmentation.Analytics.Purchases;
using Segmentation.Cli.Reporting;
using Spectre.Console;

namespace Segmentation.Cli.Tests;

internal static class CliFixture
{
    public static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Data", "cdnow", "CDNOW_sample.txt");

    public static readonly DateTime CalibrationEnd = new(1997, 9, 30, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<IReadOnlyList<CdnowCustomer>> LazyCustomers = new(() => CdnowCustomer.FromRecords(PurchaseLogReader.ReadCdnow(SamplePath)));

    private static readonly Lazy<CliReport> LazyReport = new(() => ReportBuilder.Build(Customers, "CDNOW_sample.txt", CalibrationEnd, CliOptions.DefaultHighValue));

    public static IReadOnlyList<CdnowCustomer> Customers => LazyCustomers.Value;

    public static CliReport SampleReport => LazyReport.Value;

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var exitCode = CliApp.Run(args, console, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string TempFile(string name, string content)
    {
        var directory = Path.Combine(Path.GetTempPath(), "segmentation-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
