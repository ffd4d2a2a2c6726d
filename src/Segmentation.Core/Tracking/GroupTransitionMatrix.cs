namespace Segmentation.Core.Tracking;

/// <summary>
/// Member-to-member moves in one exclusive group between two consecutive back-test instants. Besides the members, the
/// labels include <see cref="NoMember"/> (no member matched) and <see cref="FaultedMember"/> (the group faulted).
/// </summary>
public sealed class GroupTransitionMatrix
{
    /// <summary>The label of profiles in no member of the group.</summary>
    public const string NoMember = "(none)";

    /// <summary>The label of profiles whose group faulted.</summary>
    public const string FaultedMember = "(faulted)";

    private readonly Dictionary<string, int> index;
    private readonly int[,] counts;

    internal GroupTransitionMatrix(string groupId, IReadOnlyList<string> labels, int[,] counts)
    {
        GroupId = groupId;
        Labels = labels;
        index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        this.counts = counts;
    }

    /// <summary>The group's id.</summary>
    public string GroupId { get; }

    /// <summary>The members in group order, then <see cref="NoMember"/> and <see cref="FaultedMember"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The number of profiles in <paramref name="from"/> at the earlier instant and in <paramref name="to"/> at the later one.</summary>
    /// <param name="from">A label.</param>
    /// <param name="to">A label.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">A label is not one of <see cref="Labels"/>.</exception>
    public int Count(string from, string to) => counts[Index(from), Index(to)];

    /// <summary>Lists every non-zero cell as <c>from → to: count</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(
        Environment.NewLine,
        from f in Labels from t in Labels where Count(f, t) > 0 select $"{f} → {t}: {Count(f, t)}");

    private int Index(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return index.TryGetValue(label, out var i) ? i : throw new ArgumentException($"'{label}' is not a member of group '{GroupId}'.", nameof(label));
    }
}
