using System.Diagnostics;
using System.Globalization;
using Segmentation.Benchmarks.Infrastructure;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks;

/// <summary>
/// <c>--alternate N [--rounds R]</c>: in one process, times the competent hand-written code and the engine with each
/// <see cref="GeneratedCodeLifetime"/> (the default, whose code is promoted during the warm-up rounds at small catalog
/// sizes; dynamic methods only; tiered methods from the start) over the same 1,000 customers, one after the other, R
/// times, and prints the medians. A supplement to BenchmarkDotNet for a noisy host: the four run
/// seconds apart in one process, so a slow spell of the machine hits all four, and the ratios of medians are steadier
/// than ratios of separate BenchmarkDotNet launches. The figures to quote remain BenchmarkDotNet's.
/// </summary>
public static class Alternation
{
    private const int Customers = 1_000;

    /// <summary>Measures and prints one line: medians and median ratios.</summary>
    public static int Run(int segments, int rounds)
    {
        if (!CatalogSizeOption.IsValid("--alternate", segments))
        {
            return 2;
        }

        if (rounds < 1)
        {
            Console.Error.WriteLine($"--rounds takes a number of rounds of at least 1; got {rounds}.");
            return 2;
        }

        var customers = WorkloadGenerator.Generate(Customers, seed: 42);
        var specs = SyntheticCatalogSpec.Generate(segments - HandWrittenSegments.Count, seed: 7);
        var automatic = Engines.Generated(specs);
        var collectible = Engines.Generated(specs, GeneratedCodeLifetime.Collectible);
        var resident = Engines.Generated(specs, GeneratedCodeLifetime.Process);
        var ids = ReferenceImplementations.Ids(specs);
        ReferenceImplementations.RequireAgreement(
            $"{Customers} customers, {segments} segments",
            ids,
            "hand-written",
            ReferenceImplementations.HandWrittenSizes(customers, specs, Workload.AsOf),
            ("engine", ReferenceImplementations.EngineBufferSizes(automatic, customers, ids, Workload.AsOf)),
            ("engine, collectible code", ReferenceImplementations.EngineBufferSizes(collectible, customers, ids, Workload.AsOf)),
            ("engine, non-collectible code", ReferenceImplementations.EngineBufferSizes(resident, customers, ids, Workload.AsOf)));

        var handBuffer = new bool[segments];
        var engineBuffer = new SegmentState[collectible.MembershipIds.Count];
        var passes = Math.Max(1, 20_000 / segments);
        var samples = new List<double>[] { [], [], [], [] };
        for (var round = -10; round < rounds; round++)
        {
            var times = new[]
            {
                Time(() => { foreach (var c in customers) { ReferenceImplementations.HandWritten(c, Workload.AsOfUtc, specs, handBuffer); } }),
                Time(() => { foreach (var c in customers) { automatic.Evaluate(c, Workload.AsOf, engineBuffer); } }),
                Time(() => { foreach (var c in customers) { collectible.Evaluate(c, Workload.AsOf, engineBuffer); } }),
                Time(() => { foreach (var c in customers) { resident.Evaluate(c, Workload.AsOf, engineBuffer); } }),
            };
            if (round >= 0)
            {
                // Rounds below zero warm up: the runtime tiers the hand-written code and the tiered methods up, and the
                // default engine's code is promoted (at small catalog sizes).
                for (var i = 0; i < times.Length; i++)
                {
                    samples[i].Add(times[i]);
                }
            }
        }

        double Median(IEnumerable<double> values) => values.Order().ElementAt(rounds / 2);
        string Row(string name, int series) => string.Create(CultureInfo.InvariantCulture,
            $"{name} {Median(samples[series]):F0} ns (ratio {Median(samples[series].Zip(samples[0], (e, h) => e / h)):F3})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{segments} segments, {rounds} rounds, medians per profile: hand-written {Median(samples[0]):F0} ns, ") +
            string.Join(", ", Row("engine (default)", 1), Row("collectible code", 2), Row("process-lifetime code", 3)) +
            (automatic.Tier.Promotion is { Completion.IsCompletedSuccessfully: true } p && p.Completion.Result ? "; the default engine's code was promoted" : "; the default engine's code was not promoted"));
        return 0;

        double Time(Action pass)
        {
            var started = Stopwatch.GetTimestamp();
            for (var p = 0; p < passes; p++)
            {
                pass();
            }

            return Stopwatch.GetElapsedTime(started).TotalNanoseconds / (passes * Customers);
        }
    }
}
