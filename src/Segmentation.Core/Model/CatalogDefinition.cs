using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>The immutable definitions of a catalog over <typeparamref name="TProfile"/>: segments, exclusive groups and scores.</summary>
/// <typeparam name="TProfile">The user's profile type.</typeparam>
/// <param name="Segments">The segments.</param>
/// <param name="Groups">The exclusive groups.</param>
/// <param name="Scores">The scores.</param>
public sealed record CatalogDefinition<TProfile>(
    IReadOnlyList<SegmentDefinition> Segments,
    IReadOnlyList<GroupDefinition> Groups,
    IReadOnlyList<ScoreDefinition> Scores)
{
    /// <summary>An optional accessor for the profile's id, used in results, faults and tracking.</summary>
    public Expression<Func<TProfile, string>>? ProfileId { get; init; }

    /// <summary>The catalog's name, for messages. The default value is the catalog type's name or <c>catalog</c>.</summary>
    public string Name { get; init; } = "catalog";

    /// <summary>Concatenates two catalogs' definitions; ids must stay unique (validation checks it).</summary>
    /// <param name="other">The other catalog.</param>
    /// <returns>The merged catalog.</returns>
    public CatalogDefinition<TProfile> Merge(CatalogDefinition<TProfile> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new CatalogDefinition<TProfile>([.. Segments, .. other.Segments], [.. Groups, .. other.Groups], [.. Scores, .. other.Scores])
        {
            ProfileId = ProfileId ?? other.ProfileId,
            Name = $"{Name}+{other.Name}",
        };
    }
}
