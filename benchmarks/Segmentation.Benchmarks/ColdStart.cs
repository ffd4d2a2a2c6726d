using System.Diagnostics;
using System.Globalization;
using Segmentation.Benchmarks.Infrastructure;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks;

/// <summary>
/// <c>--cold N</c>: in a fresh process, the time from the start of <c>Main</c> to the first result of an engine of N
/// segments (JIT of the library and of the catalog's delegates included), and on to the moment the whole catalog runs
/// generated code. Run it as its own process, several times (see the benchmarks README); not a BenchmarkDotNet benchmark,
/// because a cold start happens once per process.
/// </summary>
public static class ColdStart
{
    /// <summary>Measures and prints one line: segments, ms to first result, ms until generated code.</summary>
    public static int Run(long mainStarted, int segments)
    {
        if (!CatalogSizeOption.IsValid("--cold", segments))
        {
            return 2;
        }

        var specs = SyntheticCatalogSpec.Generate(segments - HandWrittenSegments.Count, seed: 7);
        var customer = WorkloadGenerator.Generate(1, seed: 42)[0];
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs));
        var buffer = new SegmentState[engine.MembershipIds.Count];
        engine.Evaluate(customer, Workload.AsOf, buffer);
        var firstResult = Stopwatch.GetElapsedTime(mainStarted);
        var generated = engine.CodeGenerated.GetAwaiter().GetResult();
        var allGenerated = Stopwatch.GetElapsedTime(mainStarted);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"cold start, {segments} segments: first result {firstResult.TotalMilliseconds:F1} ms after Main, generated code {(generated ? "active" : "NOT active")} after {allGenerated.TotalMilliseconds:F1} ms"));
        return generated ? 0 : 1;
    }
}
