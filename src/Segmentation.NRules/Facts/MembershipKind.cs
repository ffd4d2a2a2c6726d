namespace Segmentation.NRules.Facts;

/// <summary>What a <see cref="SegmentMembership{TProfile}"/> is about.</summary>
public enum MembershipKind
{
    /// <summary>A segment.</summary>
    Segment,

    /// <summary>An exclusive group (in it when any member was chosen).</summary>
    Group,

    /// <summary>A member of an exclusive group: the member the group chose.</summary>
    GroupMember,
}
