namespace Segmentation.ReferenceWorkload;

/// <summary>
/// The strongest hand-written row: "windows precomputed once per profile". One pass over the orders computes the named
/// segments' facts and every distinct window's order count and spend (30, 90, 180, 365 days), the country's membership
/// in each synthetic country set is computed once, and every synthetic predicate is then a lookup
/// (generated C# source, <c>SyntheticSegments.g.cs</c>).
/// </summary>
public static partial class WindowsHandWritten
{
    /// <summary>Evaluates the 12 reference segments and the first <paramref name="syntheticCount"/> synthetic ones (seed 7).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOfUtc">The evaluation instant, in UTC.</param>
    /// <param name="syntheticCount">One of <see cref="SyntheticSource.SupportedCounts"/>.</param>
    /// <param name="memberships">At least <c>12 + syntheticCount</c> entries.</param>
    public static void Evaluate(Customer customer, DateTime asOfUtc, int syntheticCount, Span<bool> memberships)
    {
        var facts = new CompetentFacts(customer, asOfUtc);
        var windows = default(WindowFacts);
        NamedSegmentPass.Evaluate(customer, in facts, memberships, ref windows, collectWindows: true);
        windows.CountrySets = CountrySetsOf(customer.Country);
        Synthetic(in windows, syntheticCount, memberships);
    }

    /// <summary>Bit <c>i</c> set when <paramref name="country"/> is in <see cref="SyntheticCatalogSpec.CountrySets"/>[i].</summary>
    public static int CountrySetsOf(string country)
    {
        var sets = SyntheticCatalogSpec.CountrySets;
        var bits = 0;
        for (var i = 0; i < sets.Count; i++)
        {
            var set = sets[i];
            for (var j = 0; j < set.Count; j++)
            {
                if (string.Equals(set[j], country, StringComparison.Ordinal))
                {
                    bits |= 1 << i;
                    break;
                }
            }
        }

        return bits;
    }
}
