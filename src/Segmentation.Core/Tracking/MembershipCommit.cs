namespace Segmentation.Core.Tracking;

/// <summary>A compare-and-swap write of one profile's memberships, with the changes it records (see <see cref="IMembershipStore"/>).</summary>
/// <param name="Snapshot">The memberships to store; its <see cref="MembershipSnapshot.RunId"/> names the run that produced them.</param>
/// <param name="ExpectedVersion">The version the stored snapshot must still have (0: nothing may be stored yet).</param>
/// <param name="Changes">The changes to append to the history, relative to the expected version.</param>
public sealed record MembershipCommit(MembershipSnapshot Snapshot, long ExpectedVersion, IReadOnlyList<MembershipChange> Changes)
{
    /// <summary>The number of faulted segments and groups of the evaluation, added to the run's fault count.</summary>
    public int Faults { get; init; }
}
