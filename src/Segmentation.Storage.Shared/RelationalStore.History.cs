using System.Data.Common;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage;

/// <summary>History queries: members as of an instant, a profile's history, entries in a period, runs and sizes at runs.</summary>
internal sealed partial class RelationalStore
{
    // Kinds as stored: 0 entered, 1 exited, 2 moved (MembershipChangeKind). The filters mirror MembershipHistoryEntry.Affects.
    private const string TouchesP0 = "((kind <> 2 AND (segment_id = @p0 OR group_id = @p0)) OR (kind = 2 AND (to_member = @p0 OR from_member = @p0)))";
    private const string JoinsP0 = "((kind = 0 AND (segment_id = @p0 OR group_id = @p0)) OR (kind = 2 AND to_member = @p0))";

    public ValueTask<IReadOnlyList<string>> MembersAsOfAsync(string membershipId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membershipId);
        return Guard<IReadOnlyList<string>>("query members as of an instant", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var statement = new Statement(
                "SELECT profile_id FROM (" +
                "SELECT profile_id, kind, to_member, ROW_NUMBER() OVER (PARTITION BY profile_id ORDER BY seq DESC) AS rn " +
                $"FROM seg_changes WHERE as_of_utc <= @p1 AND {TouchesP0}) last_change " +
                "WHERE rn = 1 AND (kind = 0 OR (kind = 2 AND to_member = @p0))",
                membershipId,
                Instants.Utc(asOf));
            var members = await ReadAsync(statement, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            return [.. members.Order(StringComparer.Ordinal)];
        });
    }

    public ValueTask<IReadOnlyList<MembershipHistoryEntry>> HistoryOfAsync(string profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileId);
        return Guard<IReadOnlyList<MembershipHistoryEntry>>("query a profile's history", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var statement = new Statement($"SELECT {ChangeColumns} FROM seg_changes WHERE profile_id = @p0 ORDER BY seq", profileId);
            return await ReadAsync(statement, ReadEntry, cancellationToken).ConfigureAwait(false);
        });
    }

    public ValueTask<IReadOnlyList<MembershipHistoryEntry>> EnteredBetweenAsync(string membershipId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membershipId);
        return Guard<IReadOnlyList<MembershipHistoryEntry>>("query entries in a period", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var statement = new Statement(
                $"SELECT {ChangeColumns} FROM seg_changes WHERE as_of_utc > @p1 AND as_of_utc <= @p2 AND {JoinsP0} ORDER BY as_of_utc, seq",
                membershipId,
                Instants.Utc(from),
                Instants.Utc(to));
            return await ReadAsync(statement, ReadEntry, cancellationToken).ConfigureAwait(false);
        });
    }

    public ValueTask<IReadOnlyList<TrackingRun>> RunsAsync(CancellationToken cancellationToken) => Guard("query runs", async () =>
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadRunsAsync(connection, null, null, cancellationToken).ConfigureAwait(false);
    });

    public ValueTask<TrackingRun?> RunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Guard("query a run", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            return (await ReadRunsAsync(connection, null, runId, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        });
    }

    public ValueTask<IReadOnlyList<RunSegmentSizes>> SizesAtRunsAsync(CancellationToken cancellationToken) => Guard("query sizes at runs", async () =>
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var runs = await ReadRunsAsync(connection, null, null, cancellationToken).ConfigureAwait(false);
        var statement = new Statement(
            "SELECT kind, segment_id, group_id, from_member, to_member, as_of_utc, as_of_offset, COUNT(*) FROM seg_changes " +
            "GROUP BY kind, segment_id, group_id, from_member, to_member, as_of_utc, as_of_offset");
        var counted = await ReadAsync(
            statement,
            r => new KeyValuePair<MembershipHistoryEntry, long>(
                new MembershipHistoryEntry(0, (MembershipChangeKind)r.GetInt64(0), string.Empty, r.GetString(1), Instants.Read(r.GetInt64(5), r.GetInt64(6)))
                {
                    GroupId = NullableString(r, 2),
                    FromMember = NullableString(r, 3),
                    ToMember = NullableString(r, 4),
                },
                r.GetInt64(7)),
            cancellationToken).ConfigureAwait(false);
        return MembershipSizes.AtRuns(runs, counted);
    });

    private async ValueTask<IReadOnlyList<TrackingRun>> ReadRunsAsync(DbConnection connection, DbTransaction? transaction, string? runId, CancellationToken cancellationToken)
    {
        var statement = runId is null
            ? new Statement($"SELECT {RunColumns} FROM seg_runs")
            : new Statement($"SELECT {RunColumns} FROM seg_runs WHERE run_id = @p0", runId);
        await using var command = statement.Command(dialect, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<TrackingRun>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new TrackingRun(
                reader.GetString(0),
                Instants.Read(reader.GetInt64(1), reader.GetInt64(2)),
                Instants.Read(reader.GetInt64(3), reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : Instants.Read(reader.GetInt64(5), reader.GetInt64(6)))
            {
                Profiles = reader.GetInt64(7),
                Entered = reader.GetInt64(8),
                Exited = reader.GetInt64(9),
                Moved = reader.GetInt64(10),
                Faults = reader.GetInt64(11),
            });
        }

        return [.. runs.OrderBy(r => r.AsOf).ThenBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)];
    }

    private async ValueTask<IReadOnlyList<T>> ReadAsync<T>(Statement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = statement.Command(dialect, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static MembershipHistoryEntry ReadEntry(DbDataReader r) => new(r.GetInt64(0), (MembershipChangeKind)r.GetInt64(1), r.GetString(2), r.GetString(3), Instants.Read(r.GetInt64(7), r.GetInt64(8)))
    {
        GroupId = NullableString(r, 4),
        FromMember = NullableString(r, 5),
        ToMember = NullableString(r, 6),
        PreviousAsOf = r.IsDBNull(9) ? null : Instants.Read(r.GetInt64(9), r.GetInt64(10)),
        RunId = NullableString(r, 11),
        Reason = NullableString(r, 12),
    };

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
