namespace Segmentation.Core.Model;

/// <summary>An exclusive group: ordered members, the first whose conditions hold wins, with an optional fallback member.</summary>
/// <param name="Id">The unique id, such as <c>journey-stage</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Members">The members in order; a fallback, if any, is last.</param>
public sealed record GroupDefinition(string Id, string Name, IReadOnlyList<GroupMemberDefinition> Members)
{
    /// <summary>A longer description for people.</summary>
    public string? Description { get; init; }

    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>A member of an exclusive group; its id is a segment id that other segments can reference.</summary>
/// <param name="Id">The unique id, such as <c>purchase</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Conditions">The conditions, all of which must hold; empty for a fallback.</param>
/// <param name="IsFallback">Whether this member takes every profile no earlier member took.</param>
public sealed record GroupMemberDefinition(string Id, string Name, IReadOnlyList<ConditionDefinition> Conditions, bool IsFallback = false);
