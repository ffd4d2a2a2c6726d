namespace Segmentation.ReferenceWorkload;

/// <summary>
/// The benchmarks' main hand-written baseline: what a competent engineer writes for the reference workload. Cut-offs
/// and age are computed once per profile, the 12 named segments come from one pass over the orders and one over the
/// events (<see cref="NamedSegmentPass"/>), and each synthetic segment is direct code — its predicates written out as
/// comparisons and one loop per order predicate, with no per-predicate dispatch or date arithmetic left. The synthetic
/// code is generated C# source (<c>SyntheticSegments.g.cs</c>, written by <see cref="SyntheticSource"/>) for the
/// catalog sizes in <see cref="SyntheticSource.SupportedCounts"/>.
/// </summary>
public static partial class CompetentHandWritten
{
    /// <summary>Evaluates the 12 reference segments and the first <paramref name="syntheticCount"/> synthetic ones (seed 7).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOfUtc">The evaluation instant, in UTC.</param>
    /// <param name="syntheticCount">One of <see cref="SyntheticSource.SupportedCounts"/>.</param>
    /// <param name="memberships">At least <c>12 + syntheticCount</c> entries, in the order of <see cref="HandWrittenSegments.Ids"/> then the synthetic ids.</param>
    public static void Evaluate(Customer customer, DateTime asOfUtc, int syntheticCount, Span<bool> memberships)
    {
        var facts = new CompetentFacts(customer, asOfUtc);
        var unused = default(WindowFacts);
        NamedSegmentPass.Evaluate(customer, in facts, memberships, ref unused, collectWindows: false);
        Synthetic(in facts, syntheticCount, memberships);
    }

    private static int OrdersSince(in CompetentFacts f, DateTime after) => HandWrittenSegments.CountOrders(f.Orders, after, f.AsOf);

    private static decimal SpendSince(in CompetentFacts f, DateTime after) => HandWrittenSegments.SumOrders(f.Orders, after, f.AsOf);
}
