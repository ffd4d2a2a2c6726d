namespace Segmentation.Core.Tracking;

/// <summary>
/// Questions about the change history a membership store keeps: who was in a segment at an instant, what happened to a
/// profile, how sizes evolved over runs, who entered in a period.
/// </summary>
public interface IMembershipHistory
{
    /// <summary>The members of a segment, group or group member as of an instant, from the history of changes.</summary>
    /// <param name="membershipId">The segment, group or group member id.</param>
    /// <param name="asOf">The instant: changes found as of a later instant do not count.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile ids, in ordinal order.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<string>> MembersAsOfAsync(string membershipId, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>Every change of a profile, oldest first.</summary>
    /// <param name="profileId">The profile's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<MembershipHistoryEntry>> HistoryOfAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>The profiles that joined a segment, group or group member as of an instant in <c>(from, to]</c>, by as-of then commit order.</summary>
    /// <param name="membershipId">The segment, group or group member id.</param>
    /// <param name="from">The start, excluded.</param>
    /// <param name="to">The end, included.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entering changes (entries, and moves into a member).</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<MembershipHistoryEntry>> EnteredBetweenAsync(string membershipId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>The tracking runs, by as-of then start.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<TrackingRun>> RunsAsync(CancellationToken cancellationToken = default);

    /// <summary>A tracking run.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, or <see langword="null"/> when there is none of that id.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<TrackingRun?> RunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The size of every segment, group and group member as of each run's as-of, by run (in the order of <see cref="RunsAsync"/>):
    /// every change found as of that instant or earlier counts, including changes made outside runs.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Per run, the sizes by id; ids never joined are absent.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<RunSegmentSizes>> SizesAtRunsAsync(CancellationToken cancellationToken = default);
}
