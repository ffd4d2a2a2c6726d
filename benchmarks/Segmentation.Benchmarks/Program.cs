using System.Globalization;
using Segmentation.Benchmarks;

// Usage: Segmentation.Benchmarks [--verify] [--customers N] [--synthetic N]
// --verify (the default for now): checks that every implementation of the reference workload gives the same
// segment sizes, and exits non-zero when they disagree.
var customers = IntOption(args, "--customers", 10_000);
var synthetic = IntOption(args, "--synthetic", 200);
return await Verification.RunAsync(customers, synthetic).ConfigureAwait(false);

static int IntOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
