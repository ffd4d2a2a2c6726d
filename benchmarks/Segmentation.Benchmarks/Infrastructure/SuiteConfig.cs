using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;

namespace Segmentation.Benchmarks.Infrastructure;

/// <summary>
/// The suite's configuration. The real run uses BenchmarkDotNet's default job (one per benchmark, run one after another,
/// so a 2-core machine is not oversubscribed by the harness). <c>--quick</c> selects a short job (1 launch — the batch class keeps its 3 —, 3 warm-up and
/// 5 measured iterations) for a rough picture in minutes; BenchmarkDotNet's own <c>--job dry</c> is the smoke test.
/// Results are exported as GitHub markdown (<c>*-report-github.md</c>) next to the default exporters.
/// </summary>
public static class SuiteConfig
{
    /// <summary>The suite's own command-line switch for the quick job; removed before BenchmarkDotNet sees the arguments.</summary>
    public const string QuickSwitch = "--quick";

    /// <summary>Builds the configuration and the arguments left for BenchmarkDotNet.</summary>
    public static (IConfig Config, string[] Args) Create(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = args.Contains(QuickSwitch, StringComparer.Ordinal);
        var config = ManualConfig.Create(DefaultConfig.Instance);
        if (!config.GetExporters().Any(e => e.Name == MarkdownExporter.GitHub.Name))
        {
            config.AddExporter(MarkdownExporter.GitHub);
        }

        if (quick)
        {
            config.AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(5).WithId("Quick"));
        }

        return (config, [.. args.Where(a => !string.Equals(a, QuickSwitch, StringComparison.Ordinal))]);
    }
}
