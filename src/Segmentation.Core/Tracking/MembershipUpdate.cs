using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <summary>What tracking one profile found: the changes, the faults that kept a previous state, and the snapshot in the store.</summary>
/// <param name="Result">The new evaluation.</param>
/// <param name="Changes">The changes, segments first in catalog order, then groups; empty unless <see cref="Status"/> is <see cref="MembershipUpdateStatus.Saved"/>.</param>
/// <param name="Faults">Faults of the new evaluation; a faulted segment or group produces no change and keeps its previous state.</param>
/// <param name="Snapshot">The memberships in the store after tracking; <see langword="null"/> only when the status is <see cref="MembershipUpdateStatus.Untracked"/>.</param>
public sealed record MembershipUpdate(SegmentationResult Result, IReadOnlyList<MembershipChange> Changes, IReadOnlyList<SegmentFault> Faults, MembershipSnapshot? Snapshot)
{
    /// <summary>Whether anything changed.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>What tracking did with the store. The default value is <see cref="MembershipUpdateStatus.Saved"/>.</summary>
    public MembershipUpdateStatus Status { get; init; } = MembershipUpdateStatus.Saved;
}
