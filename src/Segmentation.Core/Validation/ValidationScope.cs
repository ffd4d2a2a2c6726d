using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

internal sealed class ValidationScope
{
    public ValidationScope(IEnumerable<string> segmentIds, IEnumerable<string> scoreIds, EntryNames names)
    {
        Names = names;
        SegmentIds = segmentIds.Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        ScoreIds = scoreIds.Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
    }

    public HashSet<string> SegmentIds { get; }

    public HashSet<string> ScoreIds { get; }

    /// <summary>The nesting depth of each condition, computed once.</summary>
    public ConditionDepth Depth { get; } = new();

    /// <summary>How paths name the entries of the catalog's lists (by id, or by position where an id repeats in its list).</summary>
    public EntryNames Names { get; }

    /// <summary>The stack <see cref="ConditionTree"/> walks with, reused for every tree of the validation.</summary>
    public Stack<ConditionTree.Pending> PendingConditions { get; } = new();

    public static ValidationScope For<TProfile>(CatalogDefinition<TProfile> catalog, EntryNames names) => new(
        catalog.Segments.Select(s => s.Id)
            .Concat(catalog.Groups.Select(g => g.Id))
            .Concat(catalog.Groups.SelectMany(g => g.Members.Select(m => m.Id))),
        catalog.Scores.Select(s => s.Id),
        names);
}
