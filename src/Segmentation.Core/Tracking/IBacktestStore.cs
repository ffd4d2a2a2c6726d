namespace Segmentation.Core.Tracking;

/// <summary>Keeps back-test reports, so segment size over time is a query rather than a recomputation.</summary>
public interface IBacktestStore
{
    /// <summary>Stores a back-test's sizes per instant, flows between instants and exclusive groups' transitions under a name, replacing what was stored under that name, all or nothing.</summary>
    /// <param name="name">The back-test's name.</param>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the report is stored.</returns>
    /// <exception cref="MembershipStoreException">The storage failed; nothing was kept.</exception>
    ValueTask SaveBacktestAsync(string name, BacktestReport report, CancellationToken cancellationToken = default);

    /// <summary>The size of a segment, group or group member at every instant of a stored back-test, in instant order.</summary>
    /// <param name="name">The back-test's name.</param>
    /// <param name="membershipId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sizes; empty when nothing is stored under that name and id.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<BacktestSizePoint>> BacktestSizesAsync(string name, string membershipId, CancellationToken cancellationToken = default);

    /// <summary>The entries and exits of a segment, group or group member between consecutive instants of a stored back-test.</summary>
    /// <param name="name">The back-test's name.</param>
    /// <param name="membershipId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The flows, in instant order; empty when nothing is stored under that name and id.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<BacktestFlowPoint>> BacktestFlowsAsync(string name, string membershipId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The transitions of an exclusive group between consecutive instants of a stored back-test: the non-zero cells of each
    /// step's member-to-member matrix (see <see cref="GroupTransitionMatrix"/>).
    /// </summary>
    /// <param name="name">The back-test's name.</param>
    /// <param name="groupId">The exclusive group's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cells, in instant order, then in the matrix's label order (from, then to); empty when nothing is stored under that name and group.</returns>
    /// <exception cref="MembershipStoreException">The storage failed.</exception>
    ValueTask<IReadOnlyList<BacktestTransitionPoint>> BacktestTransitionsAsync(string name, string groupId, CancellationToken cancellationToken = default);
}
