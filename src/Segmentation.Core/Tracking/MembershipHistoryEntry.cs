namespace Segmentation.Core.Tracking;

/// <summary>One change as a store's history keeps it: the change, the run that produced it and a short reason.</summary>
/// <param name="Sequence">The position in the history: later commits have larger numbers.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ProfileId">The profile's id.</param>
/// <param name="SegmentId">The segment or group member entered or exited; for a move, the group.</param>
/// <param name="AsOf">The instant of the evaluation that found the change.</param>
public sealed record MembershipHistoryEntry(long Sequence, MembershipChangeKind Kind, string ProfileId, string SegmentId, DateTimeOffset AsOf)
{
    /// <summary>The exclusive group, for changes of group members and moves; otherwise <see langword="null"/>.</summary>
    public string? GroupId { get; init; }

    /// <summary>For a move, the member the profile left.</summary>
    public string? FromMember { get; init; }

    /// <summary>For a move, the member the profile joined.</summary>
    public string? ToMember { get; init; }

    /// <summary>The as-of of the state the change is relative to, or <see langword="null"/> when nothing was stored.</summary>
    public DateTimeOffset? PreviousAsOf { get; init; }

    /// <summary>The tracking run that produced the change, or <see langword="null"/> outside a run.</summary>
    public string? RunId { get; init; }

    /// <summary>The summary line of the change's explanation (such as <c>churn-risk: yes</c>), when explanations were on.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// How this change affects membership of one id: <see langword="true"/> when the profile joined it, <see langword="false"/>
    /// when it left it, <see langword="null"/> when the change does not touch it. A group is joined by entering any of its
    /// members and left by exiting one; a move leaves one member and joins another, and keeps the group.
    /// </summary>
    /// <param name="membershipId">A segment, group or group member id.</param>
    /// <returns>The effect.</returns>
    public bool? Affects(string membershipId)
    {
        ArgumentNullException.ThrowIfNull(membershipId);
        if (Kind == MembershipChangeKind.Moved)
        {
            return string.Equals(ToMember, membershipId, StringComparison.Ordinal) ? true
                : string.Equals(FromMember, membershipId, StringComparison.Ordinal) ? false
                : null;
        }

        var touches = string.Equals(SegmentId, membershipId, StringComparison.Ordinal) || string.Equals(GroupId, membershipId, StringComparison.Ordinal);
        return touches ? Kind == MembershipChangeKind.Entered : null;
    }

    /// <summary>The ids whose membership this change affects, with the effect (see <see cref="Affects"/>).</summary>
    /// <returns>The effects.</returns>
    public IEnumerable<KeyValuePair<string, bool>> Effects()
    {
        if (Kind == MembershipChangeKind.Moved)
        {
            yield return new(FromMember!, false);
            yield return new(ToMember!, true);
            yield break;
        }

        yield return new(SegmentId, Kind == MembershipChangeKind.Entered);
        if (GroupId is not null)
        {
            yield return new(GroupId, Kind == MembershipChangeKind.Entered);
        }
    }

    /// <summary>Creates the entry of a change.</summary>
    /// <param name="sequence">The position in the history.</param>
    /// <param name="change">The change.</param>
    /// <param name="runId">The run that produced it.</param>
    /// <returns>The entry.</returns>
    public static MembershipHistoryEntry From(long sequence, MembershipChange change, string? runId)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(sequence, change.Kind, change.ProfileId, change.SegmentId, change.AsOf)
        {
            GroupId = change.GroupId,
            FromMember = change.FromMember,
            ToMember = change.ToMember,
            PreviousAsOf = change.PreviousAsOf,
            RunId = runId,
            Reason = change.Explanation?.Line,
        };
    }
}
