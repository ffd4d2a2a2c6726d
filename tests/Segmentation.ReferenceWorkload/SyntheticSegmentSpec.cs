namespace Segmentation.ReferenceWorkload;

/// <summary>A generated segment: a conjunction of 2–3 <see cref="SyntheticPredicate"/>s.</summary>
/// <param name="Id">The id, <c>syn-0001</c>, <c>syn-0002</c>, ….</param>
/// <param name="Predicates">The predicates, all of which must hold.</param>
public sealed record SyntheticSegmentSpec(string Id, IReadOnlyList<SyntheticPredicate> Predicates)
{
    /// <inheritdoc />
    public override string ToString() => Id + ": " + string.Join(" AND ", Predicates);
}
