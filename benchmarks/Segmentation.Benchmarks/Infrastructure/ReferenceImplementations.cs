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

    /// <summary>
    /// Evaluates the main hand-written baseline, <see cref="CompetentHandWritten"/>, for one customer: cut-offs and age once,
    /// one pass per collection for the named segments, synthetic segments as generated direct code. The specs must be
    /// <c>SyntheticCatalogSpec.Generate(n, seed: 7)</c> with <c>n</c> in <see cref="SyntheticSource.SupportedCounts"/>.
    /// </summary>
    public static void HandWritten(Customer customer, DateTime asOfUtc, IReadOnlyList<SyntheticSegmentSpec> specs, Span<bool> memberships) =>
        CompetentHandWritten.Evaluate(customer, asOfUtc, specs.Count, memberships);

    /// <summary>The naive hand-written variant: one loop per condition, cut-offs and age recomputed per predicate, predicates dispatched at run time.</summary>
    public static void NaiveHandWritten(Customer customer, DateTime asOfUtc, IReadOnlyList<SyntheticSegmentSpec> specs, Span<bool> memberships)
    {
        HandWrittenSegments.Evaluate(customer, asOfUtc, memberships);
        for (var s = 0; s < specs.Count; s++)
        {
            memberships[HandWrittenSegments.Count + s] = HandWrittenSynthetic.Evaluate(customer, asOfUtc, specs[s]);
        }
    }

    /// <summary>The strongest hand-written variant, <see cref="WindowsHandWritten"/>: each distinct window's count and spend computed once per profile, predicates as lookups.</summary>
    public static void WindowsPrecomputed(Customer customer, DateTime asOfUtc, IReadOnlyList<SyntheticSegmentSpec> specs, Span<bool> memberships) =>
        WindowsHandWritten.Evaluate(customer, asOfUtc, specs.Count, memberships);

    /// <summary>Segment sizes under the main hand-written baseline.</summary>
    public static int[] HandWrittenSizes(Customer[] customers, IReadOnlyList<SyntheticSegmentSpec> specs, DateTimeOffset asOf)
    {
        RequireGeneratedSpecs(specs);
        return Sizes(customers, specs, asOf, HandWritten);
    }

    /// <summary>Segment sizes under the naive hand-written variant.</summary>
    public static int[] NaiveSizes(Customer[] customers, IReadOnlyList<SyntheticSegmentSpec> specs, DateTimeOffset asOf) =>
        Sizes(customers, specs, asOf, NaiveHandWritten);

    /// <summary>Segment sizes under the windows-precomputed variant.</summary>
    public static int[] WindowsSizes(Customer[] customers, IReadOnlyList<SyntheticSegmentSpec> specs, DateTimeOffset asOf)
    {
        RequireGeneratedSpecs(specs);
        return Sizes(customers, specs, asOf, WindowsPrecomputed);
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

    private delegate void Evaluator(Customer customer, DateTime asOfUtc, IReadOnlyList<SyntheticSegmentSpec> specs, Span<bool> memberships);

    private static int[] Sizes(Customer[] customers, IReadOnlyList<SyntheticSegmentSpec> specs, DateTimeOffset asOf, Evaluator evaluate)
    {
        var sizes = new int[HandWrittenSegments.Count + specs.Count];
        var memberships = new bool[sizes.Length];
        foreach (var customer in customers)
        {
            evaluate(customer, asOf.UtcDateTime, specs, memberships);
            for (var i = 0; i < sizes.Length; i++)
            {
                sizes[i] += memberships[i] ? 1 : 0;
            }
        }

        return sizes;
    }

    /// <summary>The generated baselines were written for the seed-7 specs at the supported sizes; anything else would measure other segments.</summary>
    private static void RequireGeneratedSpecs(IReadOnlyList<SyntheticSegmentSpec> specs)
    {
        if (!SyntheticSource.SupportedCounts.Contains(specs.Count)
            || !specs.SequenceEqual(SyntheticCatalogSpec.Generate(specs.Count, SyntheticSource.Seed), SpecComparer.Instance))
        {
            throw new InvalidOperationException(
                $"The generated hand-written baselines cover SyntheticCatalogSpec.Generate(n, seed: 7) for n in [{string.Join(", ", SyntheticSource.SupportedCounts)}]; got {specs.Count} other specs.");
        }
    }

    /// <summary>Compares specs by id and predicate text (the records hold lists, which compare by reference).</summary>
    private sealed class SpecComparer : IEqualityComparer<SyntheticSegmentSpec>
    {
        public static readonly SpecComparer Instance = new();

        public bool Equals(SyntheticSegmentSpec? x, SyntheticSegmentSpec? y) => x?.ToString() == y?.ToString();

        public int GetHashCode(SyntheticSegmentSpec obj) => obj.ToString().GetHashCode(StringComparison.Ordinal);
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
