using System.Data.Common;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage.PostgreSql;

/// <summary>
/// PostgreSQL: pooled connections with automatically prepared statements, a commit's snapshots written by three
/// set-based statements over arrays in one round trip, its changes appended by binary COPY, schema migrations serialised
/// by an advisory lock.
/// </summary>
internal sealed partial class PostgreSqlDialect : RelationalDialect, IAsyncDisposable
{
    // Locks the stored rows a commit updates, in one order for every writer, so that concurrent commits cannot deadlock.
    private const string LockSnapshots = "SELECT profile_id FROM seg_memberships WHERE profile_id = ANY($1) ORDER BY profile_id COLLATE \"C\" FOR UPDATE";

    private const string UpdateSnapshots =
        "UPDATE seg_memberships AS m SET version = i.expected + 1, as_of_utc = i.as_of_utc, as_of_offset = i.as_of_offset, memberships = i.memberships, run_id = i.run_id " +
        "FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[]) AS i (profile_id, expected, as_of_utc, as_of_offset, memberships, run_id) " +
        "WHERE m.profile_id = i.profile_id AND m.version = i.expected AND m.as_of_utc <= i.as_of_utc RETURNING m.profile_id";

    private const string InsertSnapshots =
        "INSERT INTO seg_memberships (profile_id, version, as_of_utc, as_of_offset, memberships, run_id) " +
        "SELECT i.profile_id, 1, i.as_of_utc, i.as_of_offset, i.memberships, i.run_id " +
        "FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[]) AS i (profile_id, as_of_utc, as_of_offset, memberships, run_id) " +
        "ORDER BY i.profile_id COLLATE \"C\" ON CONFLICT (profile_id) DO NOTHING RETURNING profile_id";

    private const string CopyChanges = $"COPY seg_changes ({CommitRows.ChangeInsertColumns}) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlDialect(string connectionString, TimeSpan timeout)
    {
        var builder = ConnectionSettings(connectionString, timeout);
        dataSource = NpgsqlDataSource.Create(builder);
        StoreName = $"PostgreSQL membership store '{builder.Host}:{builder.Port}/{builder.Database}'";
    }

    /// <summary>
    /// The store's connection settings: the timeouts, and <c>Max Auto Prepare</c> 32 unless the connection string sets
    /// it — the store's statements are few and fixed, so prepared once per connection the server parses and plans each
    /// once. An explicit value is kept, including 0 (no automatic preparation, for example behind a pooler in
    /// transaction mode).
    /// </summary>
    internal static NpgsqlConnectionStringBuilder ConnectionSettings(string connectionString, TimeSpan timeout)
    {
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = seconds, Timeout = Math.Min(seconds, 1024) };
        if (!SetsMaxAutoPrepare(connectionString))
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder;
    }

    /// <summary>Whether the connection string names <c>Max Auto Prepare</c> (keywords are case-insensitive, spaces optional).</summary>
    private static bool SetsMaxAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in given.Keys)
        {
            if (string.Equals(key.Replace(" ", string.Empty, StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public override string StoreName { get; }

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string? SchemaLockStatement => "SELECT pg_advisory_xact_lock(160016001600)";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override string Sql(string sql) => Placeholder().Replace(sql, m => "$" + (int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) + 1));

    public override void AddParameter(DbCommand command, int index, object? value) =>
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });

    public override void AddParameter(DbBatchCommand command, int index, object? value) =>
        ((NpgsqlBatchCommand)command).Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });

    public override async ValueTask<bool[]> WriteSnapshotsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<MembershipCommit> commits, CancellationToken cancellationToken)
    {
        var position = new Dictionary<string, int>(commits.Count, StringComparer.Ordinal);
        for (var i = 0; i < commits.Count; i++)
        {
            if (!position.TryAdd(commits[i].Snapshot.ProfileId, i))
            {
                // A profile twice in one commit: its writes must apply in order, one statement each.
                return await base.WriteSnapshotsAsync(connection, transaction, commits, cancellationToken).ConfigureAwait(false);
            }
        }

        var updates = commits.Where(c => c.ExpectedVersion != 0).ToArray();
        var inserts = commits.Where(c => c.ExpectedVersion == 0).ToArray();
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        if (updates.Length > 0)
        {
            batch.BatchCommands.Add(Command(LockSnapshots, Texts(updates, c => c.Snapshot.ProfileId)));
            batch.BatchCommands.Add(Command(
                UpdateSnapshots,
                Texts(updates, c => c.Snapshot.ProfileId),
                Numbers(updates, c => c.ExpectedVersion),
                Numbers(updates, c => Instants.Utc(c.Snapshot.AsOf)),
                Numbers(updates, c => Instants.Offset(c.Snapshot.AsOf)),
                Texts(updates, c => CommitRows.Memberships(c.Snapshot)),
                Texts(updates, c => c.Snapshot.RunId)));
        }

        if (inserts.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                InsertSnapshots,
                Texts(inserts, c => c.Snapshot.ProfileId),
                Numbers(inserts, c => Instants.Utc(c.Snapshot.AsOf)),
                Numbers(inserts, c => Instants.Offset(c.Snapshot.AsOf)),
                Texts(inserts, c => CommitRows.Memberships(c.Snapshot)),
                Texts(inserts, c => c.Snapshot.RunId)));
        }

        var applied = new bool[commits.Count];
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var resultSet = 0;
        do
        {
            var locks = updates.Length > 0 && resultSet == 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!locks)
                {
                    applied[position[reader.GetString(0)]] = true;
                }
            }

            resultSet++;
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

        return applied;
    }

    public override async ValueTask InsertChangesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(MembershipChange Change, string? RunId)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await using var import = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(CopyChanges, cancellationToken).ConfigureAwait(false);
        foreach (var (change, runId) in changes)
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            foreach (var value in CommitRows.ChangeValues(change, runId))
            {
                switch (value)
                {
                    case null:
                        await import.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case long number:
                        await import.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await import.WriteAsync((string)value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }

        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public override string Describe(Exception error) => error switch
    {
        PostgresException { SqlState: "53100" } => "the server's disk is full",
        PostgresException { SqlState: "57014" } => "the statement timed out",
        PostgresException { SqlState: "3D000" } e => $"the database does not exist ({e.MessageText})",
        PostgresException { SqlState: "28P01" or "28000" } e => $"the server refused the credentials ({e.MessageText})",
        PostgresException { SqlState: "53300" } => "the server has too many connections",
        PostgresException e => $"{e.MessageText} (SQLSTATE {e.SqlState})",
        NpgsqlException { InnerException: SocketException s } => $"the server is unreachable ({s.Message})",
        NpgsqlException { InnerException: TimeoutException } or TimeoutException => "the operation timed out",
        _ => error.Message,
    };

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Texts(MembershipCommit[] commits, Func<MembershipCommit, string?> value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = commits.Select(value).ToArray() };

    private static NpgsqlParameter Numbers(MembershipCommit[] commits, Func<MembershipCommit, long> value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = commits.Select(value).ToArray() };

    [GeneratedRegex(@"@p(\d+)")]
    private static partial Regex Placeholder();
}
