namespace Segmentation.Core.Tracking;

/// <summary>
/// Keeps the last known memberships of each profile, so a <see cref="MembershipTracker{TProfile}"/> can tell what changed,
/// together with the changes and tracking runs that produced them.
/// </summary>
/// <remarks>
/// <para>
/// The contract every store follows (a shared contract test suite checks it): each stored snapshot has a version, starting
/// at 1 and growing by one per commit. A <see cref="MembershipCommit"/> is applied only when the stored version still equals
/// its <see cref="MembershipCommit.ExpectedVersion"/> (0: nothing stored) and the stored as-of is not later than the new
/// one (compare-and-swap); otherwise it is refused and the caller re-reads. Applying a commit stores the snapshot, appends
/// its changes to the history and adds to its run's counters, all or nothing.
/// </para>
/// <para>
/// Failures of the underlying storage (unreachable, timeout, schema newer than the library, disk full) throw a
/// <see cref="MembershipStoreException"/> naming the store and the operation; nothing of a failed call is kept.
/// </para>
/// </remarks>
public interface IMembershipStore
{
    /// <summary>Gets the last saved memberships of a profile.</summary>
    /// <param name="profileId">The profile's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the profile was never saved.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<MembershipSnapshot?> GetAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>Gets the last saved memberships of several profiles in one call.</summary>
    /// <param name="profileIds">The profiles' ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshots found, by profile id; profiles never saved are absent.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyDictionary<string, MembershipSnapshot>> GetManyAsync(IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies commits in one transaction: each one whose expected version still matches (and whose as-of is not older than the
    /// stored one) is stored with its changes; the others are refused and change nothing.
    /// </summary>
    /// <param name="commits">The commits.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled call keeps nothing.</param>
    /// <returns>Per commit, in order, whether it was applied.</returns>
    /// <exception cref="MembershipStoreException">The storage failed, or a commit names a run that was not started; nothing was kept.</exception>
    ValueTask<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<MembershipCommit> commits, CancellationToken cancellationToken = default);

    /// <summary>Starts a tracking run, or returns it unchanged when it was started before (to resume it).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="asOf">The as-of instant the run tracks; a run id is bound to one as-of.</param>
    /// <param name="startedAt">When the run starts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run as stored.</returns>
    /// <exception cref="MembershipStoreException">The run exists with another as-of, or the storage failed.</exception>
    ValueTask<TrackingRun> StartRunAsync(string runId, DateTimeOffset asOf, DateTimeOffset startedAt, CancellationToken cancellationToken = default);

    /// <summary>Records the end of a tracking run (again, when a completed run is resumed).</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="completedAt">When the run ended.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run as stored.</returns>
    /// <exception cref="MembershipStoreException">The run was not started, or the storage failed.</exception>
    ValueTask<TrackingRun> CompleteRunAsync(string runId, DateTimeOffset completedAt, CancellationToken cancellationToken = default);
}
