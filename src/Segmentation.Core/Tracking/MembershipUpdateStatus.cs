namespace Segmentation.Core.Tracking;

/// <summary>What tracking one profile did with the store.</summary>
public enum MembershipUpdateStatus
{
    /// <summary>The new memberships and their changes were committed.</summary>
    Saved,

    /// <summary>The stored memberships were already these, as of the same instant: nothing was written and nothing changed.</summary>
    Unchanged,

    /// <summary>
    /// The store holds memberships as of a later instant: an older as-of never overwrites a newer one, so nothing was written
    /// and no change is reported; <see cref="MembershipUpdate.Snapshot"/> is the newer stored snapshot.
    /// </summary>
    Stale,

    /// <summary>The profile was already committed by the same tracking run (a resumed run): nothing was written and no change is reported again.</summary>
    AlreadyTracked,

    /// <summary>The profile's id could not be read (in a batch or a run), so nothing was tracked; see the result's faults.</summary>
    Untracked,
}
