using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <summary>One change of a profile's membership between the stored state and a new evaluation.</summary>
public sealed record MembershipChange
{
    /// <summary>What happened.</summary>
    public required MembershipChangeKind Kind { get; init; }

    /// <summary>The profile's id.</summary>
    public required string ProfileId { get; init; }

    /// <summary>The segment or group member entered or exited; for <see cref="MembershipChangeKind.Moved"/>, the group.</summary>
    public required string SegmentId { get; init; }

    /// <summary>The exclusive group, for changes of group members and moves; otherwise <see langword="null"/>.</summary>
    public string? GroupId { get; init; }

    /// <summary>For a move, the member the profile left.</summary>
    public string? FromMember { get; init; }

    /// <summary>For a move, the member the profile joined.</summary>
    public string? ToMember { get; init; }

    /// <summary>The instant of the new evaluation.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The instant of the stored state the change is relative to, or <see langword="null"/> when nothing was stored.</summary>
    public DateTimeOffset? PreviousAsOf { get; init; }

    /// <summary>Why: the explanation of the segment (of the group, for a move) as of <see cref="AsOf"/>, when explanations are on.</summary>
    public Explanation? Explanation { get; init; }

    /// <summary>Formats the change, such as <c>c1 moved in journey-stage: consideration → purchase</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        MembershipChangeKind.Moved => $"{ProfileId} moved in {SegmentId}: {FromMember} → {ToMember} as of {AsOf:O}",
        MembershipChangeKind.Entered => $"{ProfileId} entered {SegmentId} as of {AsOf:O}",
        _ => $"{ProfileId} exited {SegmentId} as of {AsOf:O}",
    };
}
