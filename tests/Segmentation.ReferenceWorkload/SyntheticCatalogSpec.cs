using System.Globalization;

namespace Segmentation.ReferenceWorkload;

/// <summary>
/// Generates the synthetic segments of the scaled variants (<c>Synthetic-N</c>): each a conjunction of 2–3
/// predicates of distinct kinds, with parameters drawn from small fixed sets so that, as in real catalogs, many
/// segments share conditions.
/// </summary>
public static class SyntheticCatalogSpec
{
    /// <summary>The windows order predicates draw from, in days.</summary>
    public static IReadOnlyList<int> WindowDays { get; } = [30, 90, 180, 365];

    /// <summary>The order count thresholds.</summary>
    public static IReadOnlyList<int> CountThresholds { get; } = [1, 2, 3, 5];

    /// <summary>The spend thresholds.</summary>
    public static IReadOnlyList<decimal> SpendThresholds { get; } = [100m, 250m, 500m, 1000m];

    /// <summary>The age ranges, inclusive.</summary>
    public static IReadOnlyList<(int Min, int Max)> AgeRanges { get; } =
        [(18, 24), (25, 34), (35, 44), (45, 54), (55, 64), (18, 29), (30, 49), (50, 80)];

    /// <summary>The country sets.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> CountrySets { get; } =
    [
        ["DE", "FR"],
        ["US", "GB", "CA"],
        ["IT", "ES"],
        ["NL", "BE", "AT"],
        ["SE", "NO", "CH"],
        ["JP", "AU"],
        ["BR", "MX", "IN"],
        ["DE", "FR", "IT", "ES", "NL"],
    ];

    /// <summary>Generates <paramref name="count"/> synthetic segments.</summary>
    /// <param name="count">The number of segments.</param>
    /// <param name="seed">The seed; the same seed always gives the same segments.</param>
    /// <returns>The segments, with ids <c>syn-0001</c>, <c>syn-0002</c>, ….</returns>
    public static IReadOnlyList<SyntheticSegmentSpec> Generate(int count, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var specs = new SyntheticSegmentSpec[count];
        Span<int> kinds = stackalloc int[4];
        for (var i = 0; i < specs.Length; i++)
        {
            for (var k = 0; k < kinds.Length; k++)
            {
                kinds[k] = k;
            }

            random.Shuffle(kinds);
            var predicateCount = random.Next(2, 4);
            var predicates = new SyntheticPredicate[predicateCount];
            for (var p = 0; p < predicateCount; p++)
            {
                predicates[p] = NextPredicate(random, (SyntheticPredicateKind)kinds[p]);
            }

            specs[i] = new SyntheticSegmentSpec(string.Create(CultureInfo.InvariantCulture, $"syn-{i + 1:D4}"), predicates);
        }

        return specs;
    }

    private static SyntheticPredicate NextPredicate(Random random, SyntheticPredicateKind kind)
    {
        switch (kind)
        {
            case SyntheticPredicateKind.AgeBetween:
                var (min, max) = AgeRanges[random.Next(AgeRanges.Count)];
                return SyntheticPredicate.AgeBetween(min, max);
            case SyntheticPredicateKind.CountryIn:
                return SyntheticPredicate.CountryIn(CountrySets[random.Next(CountrySets.Count)]);
            case SyntheticPredicateKind.OrderCountAtLeast:
                return SyntheticPredicate.OrderCountAtLeast(
                    CountThresholds[random.Next(CountThresholds.Count)], WindowDays[random.Next(WindowDays.Count)]);
            default:
                return SyntheticPredicate.OrderSpendAtLeast(
                    SpendThresholds[random.Next(SpendThresholds.Count)], WindowDays[random.Next(WindowDays.Count)]);
        }
    }
}
