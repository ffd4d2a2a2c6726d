using System.Data.Common;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage;

/// <summary>
/// The membership store on a relational database, in SQL shared by every provider: versioned snapshots written by
/// compare-and-swap, the change history and run counters in the same transaction, history queries and back-tests.
/// </summary>
internal sealed partial class RelationalStore
{
    private const string Columns = "profile_id, version, as_of_utc, as_of_offset, memberships, run_id";
    private const string ChangeColumns = "seq, kind, profile_id, segment_id, group_id, from_member, to_member, as_of_utc, as_of_offset, previous_as_of_utc, previous_as_of_offset, run_id, reason";
    private const string RunColumns = "run_id, as_of_utc, as_of_offset, started_utc, started_offset, completed_utc, completed_offset, profiles, entered, exited, moved, faults";
    private const int ReadChunk = 500;

    private readonly RelationalDialect dialect;
    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private volatile bool schemaReady;

    public RelationalStore(RelationalDialect dialect) => this.dialect = dialect;

    public string Name => dialect.StoreName;

    public ValueTask<int> SchemaVersionAsync(CancellationToken cancellationToken) => Guard("read the schema version", async () =>
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSchemaVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    });

    public async ValueTask<MembershipSnapshot?> GetAsync(string profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileId);
        var found = await GetManyAsync([profileId], cancellationToken).ConfigureAwait(false);
        return found.GetValueOrDefault(profileId);
    }

    public ValueTask<IReadOnlyDictionary<string, MembershipSnapshot>> GetManyAsync(IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        return Guard<IReadOnlyDictionary<string, MembershipSnapshot>>("read memberships", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var found = new Dictionary<string, MembershipSnapshot>(StringComparer.Ordinal);
            if (profileIds.Count == 0)
            {
                return found;
            }

            await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var chunk in profileIds.Distinct(StringComparer.Ordinal).Chunk(ReadChunk))
            {
                var placeholders = string.Join(", ", chunk.Select((_, i) => $"@p{i}"));
                var statement = new Statement($"SELECT {Columns} FROM seg_memberships WHERE profile_id IN ({placeholders})", [.. chunk]);
                await using var command = statement.Command(dialect, connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var snapshot = ReadSnapshot(reader);
                    found[snapshot.ProfileId] = snapshot;
                }
            }

            return found;
        });
    }

    public ValueTask<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<MembershipCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        return Guard<IReadOnlyList<bool>>("commit", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var applied = new bool[commits.Count];
            if (commits.Count == 0)
            {
                return applied;
            }

            // One lock order for every writer (profile id), so that concurrent transactions on row-locking databases cannot deadlock.
            var order = Enumerable.Range(0, commits.Count).OrderBy(i => commits[i].Snapshot.ProfileId, StringComparer.Ordinal).ToArray();
            await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var runIds = commits.Select(c => c.Snapshot.RunId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            foreach (var runId in runIds)
            {
                await using var check = new Statement("SELECT COUNT(*) FROM seg_runs WHERE run_id = @p0", runId).Command(dialect, connection, transaction);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    throw new MembershipStoreException(Name, "commit", $"run '{runId}' was not started");
                }
            }

            var affected = await dialect.WriteSnapshotsAsync(connection, transaction, [.. order.Select(i => commits[i])], cancellationToken).ConfigureAwait(false);
            var changes = new List<(MembershipChange Change, string? RunId)>();
            var runs = new Dictionary<string, TrackingRun>(StringComparer.Ordinal);
            for (var k = 0; k < order.Length; k++)
            {
                if (!affected[k])
                {
                    continue;
                }

                var commit = commits[order[k]];
                applied[order[k]] = true;
                changes.AddRange(commit.Changes.Select(c => (c, commit.Snapshot.RunId)));
                if (commit.Snapshot.RunId is { } runId)
                {
                    runs[runId] = runs.GetValueOrDefault(runId, new TrackingRun(runId, default, default, null)).Add(commit);
                }
            }

            await dialect.InsertChangesAsync(connection, transaction, changes, cancellationToken).ConfigureAwait(false);
            var counters = runs.Values.Select(r => new Statement(
                "UPDATE seg_runs SET profiles = profiles + @p1, entered = entered + @p2, exited = exited + @p3, moved = moved + @p4, faults = faults + @p5 WHERE run_id = @p0",
                r.RunId, r.Profiles, r.Entered, r.Exited, r.Moved, r.Faults)).ToArray();
            await Statement.ExecuteAllAsync(dialect, connection, transaction, counters, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return applied;
        });
    }

    public ValueTask<TrackingRun> StartRunAsync(string runId, DateTimeOffset asOf, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Guard("start run", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var insert = new Statement(
                $"INSERT INTO seg_runs ({RunColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, NULL, NULL, 0, 0, 0, 0, 0) ON CONFLICT (run_id) DO NOTHING",
                runId, Instants.Utc(asOf), Instants.Offset(asOf), Instants.Utc(startedAt), Instants.Offset(startedAt));
            await Statement.ExecuteAllAsync(dialect, connection, transaction, [insert], cancellationToken).ConfigureAwait(false);
            var run = (await ReadRunsAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false))[0];
            if (run.AsOf != asOf)
            {
                throw new MembershipStoreException(Name, "start run", $"run '{runId}' tracks as of {run.AsOf:O}, not {asOf:O}");
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return run;
        });
    }

    public ValueTask<TrackingRun> CompleteRunAsync(string runId, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Guard("complete run", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var update = new Statement("UPDATE seg_runs SET completed_utc = @p1, completed_offset = @p2 WHERE run_id = @p0", runId, Instants.Utc(completedAt), Instants.Offset(completedAt));
            var affected = await Statement.ExecuteAllAsync(dialect, connection, transaction, [update], cancellationToken).ConfigureAwait(false);
            if (affected[0] == 0)
            {
                throw new MembershipStoreException(Name, "complete run", $"run '{runId}' was not started");
            }

            var run = (await ReadRunsAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false))[0];
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return run;
        });
    }

    private static MembershipSnapshot ReadSnapshot(DbDataReader reader)
    {
        var memberships = System.Text.Json.JsonSerializer.Deserialize<string[]>(reader.GetString(4)) ?? [];
        return new MembershipSnapshot(reader.GetString(0), Instants.Read(reader.GetInt64(2), reader.GetInt64(3)), memberships.ToHashSet(StringComparer.Ordinal))
        {
            Version = reader.GetInt64(1),
            RunId = reader.IsDBNull(5) ? null : reader.GetString(5),
        };
    }

    private async ValueTask<T> Guard<T>(string operation, Func<ValueTask<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception error) when (dialect.IsStoreFailure(error))
        {
            throw new MembershipStoreException(Name, operation, dialect.Describe(error), error);
        }
    }
}
