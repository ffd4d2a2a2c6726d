using Segmentation.Benchmarks.Peers;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks;

/// <summary>
/// Checks that the implementations of the reference workload agree exactly: a benchmark whose implementations
/// disagree measures nothing.
/// </summary>
public static class Verification
{
    public static async Task<int> RunAsync(int customerCount, int syntheticCount)
    {
        var asOf = Workload.AsOf;
        var customers = WorkloadGenerator.Generate(customerCount);
        var specs = SyntheticCatalogSpec.Generate(syntheticCount);
        Console.WriteLine($"{customers.Length} customers (seed 42), {specs.Count} synthetic segments, as of {asOf:O}");

        var peer = new RulesEnginePeer(specs);
        var compile = await peer.WarmUpAsync(customers[0], asOf).ConfigureAwait(false);
        Console.WriteLine($"RulesEngine first call (compile): {compile.TotalMilliseconds:F0} ms");

        var handWritten = new int[peer.Ids.Count];
        var rulesEngine = new int[peer.Ids.Count];
        var expected = new bool[peer.Ids.Count];
        var disagreements = 0;
        foreach (var customer in customers)
        {
            HandWritten(customer, asOf, specs, expected);
            var actual = await peer.EvaluateAsync(customer, asOf).ConfigureAwait(false);
            for (var i = 0; i < actual.Length; i++)
            {
                handWritten[i] += expected[i] ? 1 : 0;
                rulesEngine[i] += actual[i] ? 1 : 0;
                if (expected[i] != actual[i] && ++disagreements <= 10)
                {
                    Console.WriteLine($"disagreement: {customer.Id} {peer.Ids[i]}: hand-written {expected[i]}, RulesEngine {actual[i]}");
                }
            }
        }

        var mismatches = 0;
        Console.WriteLine($"{"segment",-22}{"hand-written",14}{"RulesEngine",14}");
        for (var i = 0; i < peer.Ids.Count; i++)
        {
            var agree = handWritten[i] == rulesEngine[i];
            mismatches += agree ? 0 : 1;
            if (i < HandWrittenSegments.Count || !agree)
            {
                Console.WriteLine($"{peer.Ids[i],-22}{handWritten[i],14}{rulesEngine[i],14}{(agree ? string.Empty : "  MISMATCH")}");
            }
        }

        var syntheticSizes = handWritten.AsSpan(HandWrittenSegments.Count);
        if (specs.Count > 0)
        {
            var empty = 0;
            foreach (var size in syntheticSizes)
            {
                empty += size == 0 ? 1 : 0;
            }

            Console.WriteLine($"synthetic: {specs.Count} segments, {empty} empty, total memberships {Sum(syntheticSizes)}");
        }

        var ok = mismatches == 0 && disagreements == 0;
        Console.WriteLine(ok
            ? "OK: all implementations agree, customer by customer."
            : $"FAILED: {mismatches} segment sizes and {disagreements} memberships disagree.");
        return ok ? 0 : 1;
    }

    private static void HandWritten(Customer customer, DateTimeOffset asOf, IReadOnlyList<SyntheticSegmentSpec> specs, bool[] memberships)
    {
        HandWrittenSegments.Evaluate(customer, asOf, memberships);
        for (var s = 0; s < specs.Count; s++)
        {
            memberships[HandWrittenSegments.Count + s] = HandWrittenSynthetic.Evaluate(customer, asOf, specs[s]);
        }
    }

    private static long Sum(ReadOnlySpan<int> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
