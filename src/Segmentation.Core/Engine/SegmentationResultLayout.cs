using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine;

/// <summary>
/// The layout of a catalog's results (membership and score order, groups) and a way to build
/// <see cref="SegmentationResult"/>s from decided states: for backends other than the native engine, such as
/// <c>Segmentation.NRules</c>, so their results behave exactly like the native engine's.
/// </summary>
public sealed class SegmentationResultLayout
{
    private readonly Slots slots;

    private SegmentationResultLayout(Slots slots)
    {
        this.slots = slots;
        ScoreIds = [.. slots.Scores.Select(s => s.Id)];
        GroupIds = [.. slots.Groups.Select(g => g.Id)];
    }

    /// <summary>Every segment, group and group member id, in the native engine's membership order.</summary>
    public IReadOnlyList<string> MembershipIds => slots.MembershipIds;

    /// <summary>Every score id, in the native engine's score order.</summary>
    public IReadOnlyList<string> ScoreIds { get; }

    /// <summary>Every group id, in definition order (the order of group choices in <see cref="Create"/>).</summary>
    public IReadOnlyList<string> GroupIds { get; }

    /// <summary>The layout of a catalog's results.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="definition">The (validated) definitions.</param>
    /// <returns>The layout.</returns>
    public static SegmentationResultLayout For<TProfile>(CatalogDefinition<TProfile> definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new SegmentationResultLayout(new Slots(
            definition.Segments.Select(s => s.Id).Concat(definition.Groups.Select(g => g.Id)).Concat(definition.Groups.SelectMany(g => g.Members.Select(m => m.Id))),
            definition.Groups,
            definition.Scores));
    }

    /// <summary>The position of a segment, group or member in <see cref="MembershipIds"/>, or -1.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index, or -1 when the id is not a segment, group or member.</returns>
    public int MembershipIndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return slots.MembershipSlot.TryGetValue(id, out var slot) ? slot : -1;
    }

    /// <summary>The position of a score in <see cref="ScoreIds"/>, or -1.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index, or -1 when the id is not a score.</returns>
    public int ScoreIndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return slots.ScoreSlot.TryGetValue(id, out var slot) ? slot : -1;
    }

    /// <summary>Builds a result from decided states.</summary>
    /// <param name="profileId">The profile's id, if known.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">One state per <see cref="MembershipIds"/> entry.</param>
    /// <param name="scores">One value per <see cref="ScoreIds"/> entry; <see langword="null"/> when the score faulted.</param>
    /// <param name="groupChoices">Per <see cref="GroupIds"/> entry, the index of the chosen member, or -1.</param>
    /// <param name="faults">The faults.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">A span does not have the layout's length.</exception>
    public SegmentationResult Create(
        string? profileId,
        DateTimeOffset asOf,
        ReadOnlySpan<SegmentState> memberships,
        ReadOnlySpan<decimal?> scores,
        ReadOnlySpan<int> groupChoices,
        IReadOnlyList<SegmentFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        Require(memberships.Length, slots.MembershipIds.Length, nameof(memberships));
        Require(scores.Length, slots.Scores.Length, nameof(scores));
        Require(groupChoices.Length, slots.Groups.Length, nameof(groupChoices));
        var values = new decimal[scores.Length];
        var faulted = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            values[i] = scores[i] ?? 0m;
            faulted[i] = scores[i] is null;
        }

        return new SegmentationResult(slots, profileId, asOf, memberships.ToArray(), values, faulted, groupChoices.ToArray(), faults);
    }

    private static void Require(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected {expected} entries, got {actual}.", name);
        }
    }
}
