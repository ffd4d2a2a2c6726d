using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <summary>What tracking one profile found: the changes, the faults that kept a previous state, and the saved snapshot.</summary>
/// <param name="Result">The new evaluation.</param>
/// <param name="Changes">The changes, segments first in catalog order, then groups.</param>
/// <param name="Faults">Faults of the new evaluation; a faulted segment or group produces no change and keeps its previous state.</param>
/// <param name="Snapshot">The memberships saved to the store.</param>
public sealed record MembershipUpdate(SegmentationResult Result, IReadOnlyList<MembershipChange> Changes, IReadOnlyList<SegmentFault> Faults, MembershipSnapshot Snapshot)
{
    /// <summary>Whether anything changed.</summary>
    public bool HasChanges => Changes.Count > 0;
}
