namespace Segmentation.Core.Tracking;

/// <summary>How a profile's membership changed.</summary>
public enum MembershipChangeKind
{
    /// <summary>The profile joined a segment (or a group member, coming from no member of the group).</summary>
    Entered,

    /// <summary>The profile left a segment (or a group member, going to no member of the group).</summary>
    Exited,

    /// <summary>The profile moved from one member of an exclusive group to another (one change, not an exit and an entry).</summary>
    Moved,
}
