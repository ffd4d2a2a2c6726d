using System.Data.Common;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage;

/// <summary>What differs between the databases a relational membership store runs on; everything else is shared SQL.</summary>
internal abstract class RelationalDialect
{
    /// <summary>The store's name in error messages, such as <c>SQLite membership store 'segments.db'</c>.</summary>
    public abstract string StoreName { get; }

    /// <summary>The column definition of an auto-numbered primary key.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>A statement that serialises schema migrations across connections, or <see langword="null"/> when the write transaction already does.</summary>
    public abstract string? SchemaLockStatement { get; }

    /// <summary>Opens a connection.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open connection.</returns>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that writes (taking the write lock at once where the database has one).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction.</returns>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The SQL text for the database: shared SQL names parameters <c>@p0</c>, <c>@p1</c>, ….</summary>
    /// <param name="sql">The shared SQL.</param>
    /// <returns>The SQL for this database.</returns>
    public virtual string Sql(string sql) => sql;

    /// <summary>Adds a parameter for <c>@p{index}</c>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="index">The parameter's index.</param>
    /// <param name="value">The value.</param>
    public abstract void AddParameter(DbCommand command, int index, object? value);

    /// <summary>Adds a parameter for <c>@p{index}</c> to a batch command.</summary>
    /// <param name="command">The batch command.</param>
    /// <param name="index">The parameter's index.</param>
    /// <param name="value">The value.</param>
    public abstract void AddParameter(DbBatchCommand command, int index, object? value);

    /// <summary>
    /// Writes the snapshots of a commit, each by compare-and-swap (applied only if the stored version is the expected one
    /// and the stored as-of is not later), inside the caller's transaction. By default one statement per snapshot, in order.
    /// </summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The write transaction.</param>
    /// <param name="commits">The commits, ordered by profile id (the lock order of every writer).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether each commit applied, in order.</returns>
    public virtual async ValueTask<bool[]> WriteSnapshotsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<MembershipCommit> commits, CancellationToken cancellationToken)
    {
        var affected = await Statement.ExecuteAllAsync(this, connection, transaction, [.. commits.Select(CommitRows.StateWrite)], cancellationToken).ConfigureAwait(false);
        return [.. affected.Select(rows => rows == 1)];
    }

    /// <summary>Appends change rows to the history inside the caller's transaction, in order (the order gives their sequence numbers). By default one insert per change.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The write transaction.</param>
    /// <param name="changes">The changes with the run that produced each.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the rows are written.</returns>
    public virtual async ValueTask InsertChangesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(MembershipChange Change, string? RunId)> changes, CancellationToken cancellationToken) =>
        await Statement.ExecuteAllAsync(this, connection, transaction, [.. changes.Select(c => CommitRows.ChangeInsert(c.Change, c.RunId))], cancellationToken).ConfigureAwait(false);

    /// <summary>Says what went wrong in words a user can act on (disk full, timeout, unreachable, …).</summary>
    /// <param name="error">The database's exception.</param>
    /// <returns>The reason.</returns>
    public abstract string Describe(Exception error);

    /// <summary>Whether an exception comes from the database or its driver (and is to be reported as a store failure).</summary>
    /// <param name="error">The exception.</param>
    /// <returns><see langword="true"/> for database failures.</returns>
    public virtual bool IsStoreFailure(Exception error) => error is DbException or TimeoutException or IOException;
}
