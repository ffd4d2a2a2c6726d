using Segmentation.Core.Engine.Network;

namespace Segmentation.Core.Engine;

/// <summary>The outcome of evaluating one profile: memberships, group choices, scores and tiers, and faults.</summary>
public sealed class SegmentationResult
{
    private readonly Slots slots;
    private readonly SegmentState[] states;
    private readonly decimal[] scores;
    private readonly bool[] scoreFaulted;
    private readonly int[] groupChoice;
    private IReadOnlyList<string>? segments;

    internal SegmentationResult(Slots slots, string? profileId, DateTimeOffset asOf, SegmentState[] states, decimal[] scores, bool[] scoreFaulted, int[] groupChoice, IReadOnlyList<SegmentFault> faults)
    {
        this.slots = slots;
        this.states = states;
        this.scores = scores;
        this.scoreFaulted = scoreFaulted;
        this.groupChoice = groupChoice;
        ProfileId = profileId;
        AsOf = asOf;
        Faults = faults;
    }

    /// <summary>The profile's id, when the catalog names one with <c>IdentifiedBy</c>.</summary>
    public string? ProfileId { get; }

    /// <summary>The as-of instant the profile was evaluated at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Every fault: segments, groups, members and scores that could not be decided. Empty when all went well.</summary>
    public IReadOnlyList<SegmentFault> Faults { get; }

    /// <summary>Whether anything faulted.</summary>
    public bool HasFaults => Faults.Count > 0;

    /// <summary>The ids of every segment, group and group member the profile is in, in catalog order.</summary>
    public IReadOnlyList<string> Segments => segments ??= [.. slots.MembershipIds.Where((_, i) => states[i] == SegmentState.In)];

    /// <summary>Whether the profile is in a segment, group member or group (a group: any of its members).</summary>
    /// <param name="segmentId">The id.</param>
    /// <returns><see langword="true"/> for a member; <see langword="false"/> when out or faulted.</returns>
    /// <exception cref="ArgumentException">The id is not in the catalog.</exception>
    public bool IsIn(string segmentId) => StateOf(segmentId) == SegmentState.In;

    /// <summary>Whether a segment, group or member faulted for this profile.</summary>
    /// <param name="segmentId">The id.</param>
    /// <returns><see langword="true"/> when faulted.</returns>
    /// <exception cref="ArgumentException">The id is not in the catalog.</exception>
    public bool IsFaulted(string segmentId) =>
        slots.ScoreSlot.TryGetValue(segmentId, out var score) ? scoreFaulted[score] : StateOf(segmentId) == SegmentState.Faulted;

    /// <summary>The state of a segment, group or member.</summary>
    /// <param name="segmentId">The id.</param>
    /// <returns>In, out or faulted.</returns>
    /// <exception cref="ArgumentException">The id is not in the catalog.</exception>
    public SegmentState StateOf(string segmentId)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        return slots.MembershipSlot.TryGetValue(segmentId, out var slot)
            ? states[slot]
            : throw new ArgumentException($"'{segmentId}' is not a segment, group or group member of this catalog.", nameof(segmentId));
    }

    /// <summary>The member an exclusive group chose for the profile.</summary>
    /// <param name="groupId">The group's id.</param>
    /// <returns>The member's id, or <see langword="null"/> when no member matched (no fallback) or the group faulted.</returns>
    /// <exception cref="ArgumentException">The id is not a group of this catalog.</exception>
    public string? MemberOf(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        if (!slots.GroupIndex.TryGetValue(groupId, out var index))
        {
            throw new ArgumentException($"'{groupId}' is not a group of this catalog.", nameof(groupId));
        }

        var choice = groupChoice[index];
        return choice < 0 ? null : slots.Groups[index].Members[choice].Id;
    }

    /// <summary>A score's value.</summary>
    /// <param name="scoreId">The score's id.</param>
    /// <returns>The score, or <see langword="null"/> when a term faulted.</returns>
    /// <exception cref="ArgumentException">The id is not a score of this catalog.</exception>
    public decimal? Score(string scoreId)
    {
        var slot = ScoreSlot(scoreId);
        return scoreFaulted[slot] ? null : scores[slot];
    }

    /// <summary>The tier a score falls in: the last tier whose threshold the score reaches.</summary>
    /// <param name="scoreId">The score's id.</param>
    /// <returns>The tier's name, or <see langword="null"/> below the first tier or when the score faulted.</returns>
    /// <exception cref="ArgumentException">The id is not a score of this catalog.</exception>
    public string? Tier(string scoreId)
    {
        var slot = ScoreSlot(scoreId);
        return scoreFaulted[slot] ? null : TierOf(slots.Scores[slot].Tiers, scores[slot]);
    }

    /// <summary>Lists the memberships, for logs and test failures.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{ProfileId ?? "profile"} as of {AsOf:O}: [{string.Join(", ", Segments)}]" + (HasFaults ? $" ({Faults.Count} faults)" : string.Empty);

    internal static string? TierOf(IReadOnlyList<Model.TierDefinition> tiers, decimal score)
    {
        string? tier = null;
        foreach (var t in tiers)
        {
            if (score >= t.Threshold)
            {
                tier = t.Name;
            }
        }

        return tier;
    }

    private int ScoreSlot(string scoreId)
    {
        ArgumentNullException.ThrowIfNull(scoreId);
        return slots.ScoreSlot.TryGetValue(scoreId, out var slot)
            ? slot
            : throw new ArgumentException($"'{scoreId}' is not a score of this catalog.", nameof(scoreId));
    }
}
