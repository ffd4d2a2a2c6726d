namespace Segmentation.ReferenceWorkload;

/// <summary>The kind of a <see cref="SyntheticPredicate"/>.</summary>
public enum SyntheticPredicateKind
{
    /// <summary>Age in completed years between <see cref="SyntheticPredicate.MinAge"/> and <see cref="SyntheticPredicate.MaxAge"/>, inclusive.</summary>
    AgeBetween,

    /// <summary>Country in <see cref="SyntheticPredicate.Countries"/>.</summary>
    CountryIn,

    /// <summary>At least <see cref="SyntheticPredicate.MinCount"/> orders in the last <see cref="SyntheticPredicate.WindowDays"/> days.</summary>
    OrderCountAtLeast,

    /// <summary>At least <see cref="SyntheticPredicate.MinSpend"/> spent in the last <see cref="SyntheticPredicate.WindowDays"/> days.</summary>
    OrderSpendAtLeast,
}

/// <summary>One simple condition of a synthetic segment; only the parameters of its <see cref="Kind"/> are set.</summary>
/// <param name="Kind">The kind of condition.</param>
/// <param name="MinAge">The lowest age (AgeBetween).</param>
/// <param name="MaxAge">The highest age (AgeBetween).</param>
/// <param name="Countries">The countries (CountryIn); empty otherwise.</param>
/// <param name="WindowDays">The window in days, <c>asOf - days &lt; t &lt;= asOf</c> (order predicates).</param>
/// <param name="MinCount">The order count threshold (OrderCountAtLeast).</param>
/// <param name="MinSpend">The spend threshold (OrderSpendAtLeast).</param>
public sealed record SyntheticPredicate(
    SyntheticPredicateKind Kind,
    int MinAge,
    int MaxAge,
    IReadOnlyList<string> Countries,
    int WindowDays,
    int MinCount,
    decimal MinSpend)
{
    /// <summary>Age in completed years in <c>[min, max]</c>.</summary>
    public static SyntheticPredicate AgeBetween(int min, int max) =>
        new(SyntheticPredicateKind.AgeBetween, min, max, [], 0, 0, 0m);

    /// <summary>Country in a set.</summary>
    public static SyntheticPredicate CountryIn(IReadOnlyList<string> countries) =>
        new(SyntheticPredicateKind.CountryIn, 0, 0, countries, 0, 0, 0m);

    /// <summary>At least <paramref name="count"/> orders in the last <paramref name="days"/> days.</summary>
    public static SyntheticPredicate OrderCountAtLeast(int count, int days) =>
        new(SyntheticPredicateKind.OrderCountAtLeast, 0, 0, [], days, count, 0m);

    /// <summary>At least <paramref name="spend"/> spent in the last <paramref name="days"/> days.</summary>
    public static SyntheticPredicate OrderSpendAtLeast(decimal spend, int days) =>
        new(SyntheticPredicateKind.OrderSpendAtLeast, 0, 0, [], days, 0, spend);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SyntheticPredicateKind.AgeBetween => FormattableString.Invariant($"age in [{MinAge}, {MaxAge}]"),
        SyntheticPredicateKind.CountryIn => "country in {" + string.Join(", ", Countries) + "}",
        SyntheticPredicateKind.OrderCountAtLeast => FormattableString.Invariant($"orders in last {WindowDays} days >= {MinCount}"),
        _ => FormattableString.Invariant($"spend in last {WindowDays} days >= {MinSpend}"),
    };
}
