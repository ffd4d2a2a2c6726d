using Segmentation.Core.Tracking;

namespace Segmentation.Storage;

/// <summary>Stored back-tests: sizes per instant, flows per step and group transition matrices per step, replaced as a whole under a name.</summary>
internal sealed partial class RelationalStore
{
    public async ValueTask SaveBacktestAsync(string name, BacktestReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(report);
        await Guard("save a back-test", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            var statements = new List<Statement>
            {
                new("DELETE FROM seg_backtest_sizes WHERE backtest = @p0", name),
                new("DELETE FROM seg_backtest_flows WHERE backtest = @p0", name),
                new("DELETE FROM seg_backtest_transitions WHERE backtest = @p0", name),
            };
            statements.AddRange(BacktestRows.Sizes(report).Select(r => new Statement(
                "INSERT INTO seg_backtest_sizes (backtest, membership_id, position, instant_utc, instant_offset, size) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
                name,
                r.MembershipId,
                (long)r.Instant,
                Instants.Utc(report.Instants[r.Instant]),
                Instants.Offset(report.Instants[r.Instant]),
                (long)r.Size)));
            statements.AddRange(BacktestRows.Flows(report).Select(r => new Statement(
                "INSERT INTO seg_backtest_flows (backtest, membership_id, position, from_utc, from_offset, to_utc, to_offset, entered, exited, stayed) " +
                "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
                name,
                r.Flow.SegmentId,
                (long)r.Step,
                Instants.Utc(report.Steps[r.Step].From),
                Instants.Offset(report.Steps[r.Step].From),
                Instants.Utc(report.Steps[r.Step].To),
                Instants.Offset(report.Steps[r.Step].To),
                (long)r.Flow.Entered,
                (long)r.Flow.Exited,
                (long)r.Flow.Stayed)));
            statements.AddRange(BacktestRows.Transitions(report).Select(r => new Statement(
                "INSERT INTO seg_backtest_transitions (backtest, group_id, position, cell, from_utc, from_offset, to_utc, to_offset, from_member, to_member, profiles) " +
                "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)",
                name,
                r.GroupId,
                (long)r.Step,
                (long)r.Cell,
                Instants.Utc(r.Transition.From),
                Instants.Offset(r.Transition.From),
                Instants.Utc(r.Transition.To),
                Instants.Offset(r.Transition.To),
                r.Transition.FromMember,
                r.Transition.ToMember,
                (long)r.Transition.Profiles)));
            await Statement.ExecuteAllAsync(dialect, connection, transaction, statements, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    public ValueTask<IReadOnlyList<BacktestSizePoint>> BacktestSizesAsync(string name, string membershipId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(membershipId);
        return Guard<IReadOnlyList<BacktestSizePoint>>("query a back-test's sizes", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var statement = new Statement(
                "SELECT instant_utc, instant_offset, size FROM seg_backtest_sizes WHERE backtest = @p0 AND membership_id = @p1 ORDER BY position",
                name,
                membershipId);
            return await ReadAsync(statement, r => new BacktestSizePoint(Instants.Read(r.GetInt64(0), r.GetInt64(1)), (int)r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        });
    }

    public ValueTask<IReadOnlyList<BacktestFlowPoint>> BacktestFlowsAsync(string name, string membershipId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(membershipId);
        return Guard<IReadOnlyList<BacktestFlowPoint>>("query a back-test's flows", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var statement = new Statement(
                "SELECT from_utc, from_offset, to_utc, to_offset, entered, exited, stayed FROM seg_backtest_flows WHERE backtest = @p0 AND membership_id = @p1 ORDER BY position",
                name,
                membershipId);
            return await ReadAsync(
                statement,
                r => new BacktestFlowPoint(Instants.Read(r.GetInt64(0), r.GetInt64(1)), Instants.Read(r.GetInt64(2), r.GetInt64(3)), (int)r.GetInt64(4), (int)r.GetInt64(5), (int)r.GetInt64(6)),
                cancellationToken).ConfigureAwait(false);
        });
    }

    public ValueTask<IReadOnlyList<BacktestTransitionPoint>> BacktestTransitionsAsync(string name, string groupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(groupId);
        return Guard<IReadOnlyList<BacktestTransitionPoint>>("query a back-test's group transitions", async () =>
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var statement = new Statement(
                "SELECT from_utc, from_offset, to_utc, to_offset, from_member, to_member, profiles FROM seg_backtest_transitions " +
                "WHERE backtest = @p0 AND group_id = @p1 ORDER BY position, cell",
                name,
                groupId);
            return await ReadAsync(
                statement,
                r => new BacktestTransitionPoint(Instants.Read(r.GetInt64(0), r.GetInt64(1)), Instants.Read(r.GetInt64(2), r.GetInt64(3)), r.GetString(4), r.GetString(5), (int)r.GetInt64(6)),
                cancellationToken).ConfigureAwait(false);
        });
    }
}
