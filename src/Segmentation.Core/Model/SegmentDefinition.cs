namespace Segmentation.Core.Model;

/// <summary>A segment: a named set of profiles defined by conditions that must all hold.</summary>
/// <param name="Id">The unique id, such as <c>churn-risk</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Conditions">The conditions; a profile is a member when all of them hold.</param>
public sealed record SegmentDefinition(string Id, string Name, IReadOnlyList<ConditionDefinition> Conditions)
{
    /// <summary>A longer description for people.</summary>
    public string? Description { get; init; }

    /// <summary>Free-form tags (demographic, behavioral, journey …).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>A priority for hosts that act on one segment at a time; higher first. The default value is 0.</summary>
    public int Priority { get; init; }
}
