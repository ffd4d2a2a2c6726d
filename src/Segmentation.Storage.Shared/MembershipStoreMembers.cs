using Segmentation.Core.Tracking;
#if SQLITE
namespace Segmentation.Storage.Sqlite;

/// <content>The store's members, shared with the PostgreSQL provider.</content>
public sealed partial class SqliteMembershipStore
#else
namespace Segmentation.Storage.PostgreSql;

/// <content>The store's members, shared with the SQLite provider.</content>
public sealed partial class PostgreSqlMembershipStore
#endif
    : IMembershipStore, IMembershipHistory, IBacktestStore
{
    /// <summary>The schema version this library creates and reads; a database with a newer one is refused.</summary>
    public const int SchemaVersion = RelationalSchema.Latest;

    /// <summary>The store's name, as error messages give it.</summary>
    public string Name => store.Name;

    /// <summary>Reads the schema version recorded in the database, creating or migrating the schema first when needed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version.</returns>
    /// <exception cref="MembershipStoreException">The storage failed, or the database's schema is newer than this library's.</exception>
    public ValueTask<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => store.SchemaVersionAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<MembershipSnapshot?> GetAsync(string profileId, CancellationToken cancellationToken = default) => store.GetAsync(profileId, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, MembershipSnapshot>> GetManyAsync(IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default) =>
        store.GetManyAsync(profileIds, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<MembershipCommit> commits, CancellationToken cancellationToken = default) => store.CommitAsync(commits, cancellationToken);

    /// <inheritdoc />
    public ValueTask<TrackingRun> StartRunAsync(string runId, DateTimeOffset asOf, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        store.StartRunAsync(runId, asOf, startedAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<TrackingRun> CompleteRunAsync(string runId, DateTimeOffset completedAt, CancellationToken cancellationToken = default) =>
        store.CompleteRunAsync(runId, completedAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> MembersAsOfAsync(string membershipId, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        store.MembersAsOfAsync(membershipId, asOf, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MembershipHistoryEntry>> HistoryOfAsync(string profileId, CancellationToken cancellationToken = default) => store.HistoryOfAsync(profileId, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MembershipHistoryEntry>> EnteredBetweenAsync(string membershipId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        store.EnteredBetweenAsync(membershipId, from, to, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrackingRun>> RunsAsync(CancellationToken cancellationToken = default) => store.RunsAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<TrackingRun?> RunAsync(string runId, CancellationToken cancellationToken = default) => store.RunAsync(runId, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RunSegmentSizes>> SizesAtRunsAsync(CancellationToken cancellationToken = default) => store.SizesAtRunsAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveBacktestAsync(string name, BacktestReport report, CancellationToken cancellationToken = default) => store.SaveBacktestAsync(name, report, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BacktestSizePoint>> BacktestSizesAsync(string name, string membershipId, CancellationToken cancellationToken = default) =>
        store.BacktestSizesAsync(name, membershipId, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BacktestFlowPoint>> BacktestFlowsAsync(string name, string membershipId, CancellationToken cancellationToken = default) =>
        store.BacktestFlowsAsync(name, membershipId, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BacktestTransitionPoint>> BacktestTransitionsAsync(string name, string groupId, CancellationToken cancellationToken = default) =>
        store.BacktestTransitionsAsync(name, groupId, cancellationToken);

    /// <summary>Migrates to a schema version (for tests of migrations).</summary>
    /// <param name="version">The version to reach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version found before.</returns>
    internal ValueTask<int> MigrateToAsync(int version, CancellationToken cancellationToken = default) => store.MigrateAsync(version, cancellationToken);
}
