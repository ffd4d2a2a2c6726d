using System.Globalization;
using BenchmarkDotNet.Running;
using Segmentation.Benchmarks;
using Segmentation.Benchmarks.Infrastructure;

// Usage:
//   Segmentation.Benchmarks --verify [--customers N] [--synthetic N]
//       Checks that every implementation of the reference workload gives the same segment sizes; exits non-zero when
//       they disagree.
//   Segmentation.Benchmarks [--quick] [BenchmarkDotNet options, e.g. --filter '*Profile*' --job dry]
//       Runs the BenchmarkDotNet suite (see benchmarks/run.sh). --quick selects a short job; the default job is the real run.
//   Segmentation.Benchmarks --cold N
//       Prints the time from Main to the first result of an N-segment engine in this (fresh) process.
//   Segmentation.Benchmarks --alternate N [--rounds R]
//       Alternates hand-written code and the engine with collectible and non-collectible code in one process, R rounds
//       (30 by default), and prints median times and ratios (see Alternation.cs).
var mainStarted = System.Diagnostics.Stopwatch.GetTimestamp();
if (args.Contains("--cold", StringComparer.Ordinal))
{
    return ColdStart.Run(mainStarted, IntOption(args, "--cold", 212));
}

if (args.Contains("--alternate", StringComparer.Ordinal))
{
    return Alternation.Run(IntOption(args, "--alternate", 12), IntOption(args, "--rounds", 30));
}

if (args.Contains("--verify", StringComparer.Ordinal))
{
    var customers = IntOption(args, "--customers", 10_000);
    var synthetic = IntOption(args, "--synthetic", 200);
    return await Verification.RunAsync(customers, synthetic).ConfigureAwait(false);
}

var (config, benchmarkArgs) = SuiteConfig.Create(args);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(SuiteConfig).Assembly).Run(benchmarkArgs, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static int IntOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
