using Segmentation.Benchmarks.Peers;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Infrastructure;

/// <summary>
/// Segment sizes of the reference workload under each implementation, in the order of <see cref="Ids"/>: the 12
/// reference segments, then the synthetic ones. Benchmarks check these agree before they measure anything.
/// </summary>
public static class ReferenceImplementations
{
    /// <summary>The segment ids of a catalog with the given synthetic segments, in hand-written order.</summary>
    public static string[] Ids(IReadOnlyList<SyntheticSegmentSpec> specs) =>
        [.. HandWrittenSegments.Ids, .. specs.Select(s => s.Id)];

    /// <summary>Evaluates the hand-written baseline (12 reference segments, then every synthetic one) for one customer.</summary>
    public static void HandWritten(Customer customer, DateTime asOfUtc, IReadOnlyList<SyntheticSegmentSpec> specs, Span<bool> memberships)
    {
        HandWrittenSegments.Evaluate(customer, asOfUtc, memberships);
        for (var s = 0; s < specs.Count; s++)
        {
            memberships[HandWrittenSegments.Count + s] = HandWrittenSynthetic.Evaluate(customer, asOfUtc, specs[s]);
        }
    }

    /// <summary>Segment sizes under the hand-written baseline.</summary>
    public static int[] HandWrittenSizes(Customer[] customers, IReadOnlyList<SyntheticSegmentSpec> specs, DateTimeOffset asOf)
    {
        var sizes = new int[HandWrittenSegments.Count + specs.Count];
        var memberships = new bool[sizes.Length];
        foreach (var customer in customers)
        {
            HandWritten(customer, asOf.UtcDateTime, specs, memberships);
            for (var i = 0; i < sizes.Length; i++)
            {
                sizes[i] += memberships[i] ? 1 : 0;
            }
        }

        return sizes;
    }

    /// <summary>Segment sizes under the engine's buffer API; throws when a membership faulted.</summary>
    public static int[] EngineBufferSizes(SegmentEngine<Customer> engine, Customer[] customers, IReadOnlyList<string> ids, DateTimeOffset asOf)
    {
        var slots = SlotsOf(engine, ids);
        var sizes = new int[ids.Count];
        var memberships = new SegmentState[engine.MembershipIds.Count];
        foreach (var customer in customers)
        {
            if (!engine.Evaluate(customer, asOf, memberships))
            {
                throw new InvalidOperationException($"The engine faulted on customer {customer.Id}.");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                sizes[i] += memberships[slots[i]] == SegmentState.In ? 1 : 0;
            }
        }

        return sizes;
    }

    /// <summary>Segment sizes under the engine's convenient API; throws when a membership faulted.</summary>
    public static int[] EngineResultSizes(SegmentEngine<Customer> engine, Customer[] customers, IReadOnlyList<string> ids, DateTimeOffset asOf)
    {
        var sizes = new int[ids.Count];
        foreach (var customer in customers)
        {
            var result = engine.Evaluate(customer, asOf);
            if (result.HasFaults)
            {
                throw new InvalidOperationException($"The engine faulted on customer {customer.Id}: {result}");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                sizes[i] += result.IsIn(ids[i]) ? 1 : 0;
            }
        }

        return sizes;
    }

    /// <summary>Segment sizes under the RulesEngine peer (warmed up or not).</summary>
    public static async Task<int[]> RulesEngineSizes(RulesEnginePeer peer, Customer[] customers, DateTimeOffset asOf)
    {
        var sizes = new int[peer.Ids.Count];
        foreach (var customer in customers)
        {
            var memberships = await peer.EvaluateAsync(customer, asOf).ConfigureAwait(false);
            for (var i = 0; i < sizes.Length; i++)
            {
                sizes[i] += memberships[i] ? 1 : 0;
            }
        }

        return sizes;
    }

    /// <summary>Maps ids to the engine's membership slots.</summary>
    public static int[] SlotsOf(SegmentEngine<Customer> engine, IReadOnlyList<string> ids) =>
        [.. ids.Select(engine.IndexOf)];

    /// <summary>
    /// Throws when any implementation's segment sizes differ from the expected ones: a benchmark whose implementations
    /// disagree measures nothing.
    /// </summary>
    public static void RequireAgreement(string context, IReadOnlyList<string> ids, string expectedName, int[] expected, params (string Name, int[] Sizes)[] others)
    {
        var problems = new List<string>();
        foreach (var (name, sizes) in others)
        {
            if (sizes.Length != expected.Length)
            {
                problems.Add($"{name} reports {sizes.Length} segments, {expectedName} {expected.Length}");
                continue;
            }

            for (var i = 0; i < expected.Length; i++)
            {
                if (sizes[i] != expected[i])
                {
                    problems.Add($"{ids[i]}: {expectedName} {expected[i]}, {name} {sizes[i]}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{context}: the implementations disagree on {problems.Count} segment sizes; refusing to measure. "
                + string.Join("; ", problems.Take(10)));
        }

        Console.WriteLine(
            $"// {context}: {expectedName}, {string.Join(", ", others.Select(o => o.Name))} agree on all {ids.Count} segment sizes "
            + $"(total memberships {expected.Sum()}).");
    }
}
