using Segmentation.Core.Model;

namespace Segmentation.Core.Rules;

/// <summary>
/// One rule of a rule set: conditions (the left-hand side) and the membership or score it asserts (the right-hand side),
/// with its dependencies and the stratum in which it is evaluated.
/// </summary>
public sealed record Rule
{
    /// <summary>The rule's id: the segment or member id, or <c>score#term</c> for a score term.</summary>
    public required string Id { get; init; }

    /// <summary>What the rule asserts.</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The conditions, all of which must hold; empty for a group's fallback member.</summary>
    public required IReadOnlyList<ConditionDefinition> Conditions { get; init; }

    /// <summary>The segment, group and score ids the conditions read.</summary>
    public required IReadOnlyList<string> Dependencies { get; init; }

    /// <summary>The evaluation stratum: every dependency lies in a lower stratum.</summary>
    public required int Stratum { get; init; }

    /// <summary>The group (for a member) or score (for a term) this rule belongs to.</summary>
    public string? ParentId { get; init; }

    /// <summary>The position within the group or score.</summary>
    public int Order { get; init; }

    /// <summary>Whether this is a group's fallback member.</summary>
    public bool IsFallback { get; init; }

    /// <summary>The weight a score term adds.</summary>
    public decimal Weight { get; init; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The priority (segments only).</summary>
    public int Priority { get; init; }

    /// <summary>Formats the rule as <c>id: conditions =&gt; action</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var when = Conditions.Count == 0 ? "otherwise" : string.Join(" and ", Conditions.Select(c => c.Describe()));
        var then = Kind == RuleKind.ScoreTerm ? $"add {Comparison.Format(Weight)} to {ParentId}" : $"member of {Id}";
        return $"[{Stratum}] {Id}: {when} => {then}";
    }
}
