namespace Segmentation.Storage;

/// <summary>The schema of a relational membership store, as numbered migrations; the version applied is recorded in <c>seg_schema</c>.</summary>
internal static class RelationalSchema
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int Latest = 3;

    /// <summary>The statements that create the table recording the schema version.</summary>
    public const string Bootstrap = "CREATE TABLE IF NOT EXISTS seg_schema (version BIGINT NOT NULL)";

    /// <summary>The statements of one migration.</summary>
    /// <param name="version">The version the migration leads to.</param>
    /// <param name="dialect">The database.</param>
    /// <returns>The statements, in order.</returns>
    public static IReadOnlyList<string> Migration(int version, RelationalDialect dialect) => version switch
    {
        1 =>
        [
            """
            CREATE TABLE seg_memberships (
                profile_id TEXT NOT NULL PRIMARY KEY,
                version BIGINT NOT NULL,
                as_of_utc BIGINT NOT NULL,
                as_of_offset BIGINT NOT NULL,
                memberships TEXT NOT NULL,
                run_id TEXT NULL)
            """,
            $"""
            CREATE TABLE seg_changes (
                seq {dialect.IdentityColumn},
                profile_id TEXT NOT NULL,
                kind BIGINT NOT NULL,
                segment_id TEXT NOT NULL,
                group_id TEXT NULL,
                from_member TEXT NULL,
                to_member TEXT NULL,
                as_of_utc BIGINT NOT NULL,
                as_of_offset BIGINT NOT NULL,
                previous_as_of_utc BIGINT NULL,
                previous_as_of_offset BIGINT NULL,
                run_id TEXT NULL,
                reason TEXT NULL)
            """,
            "CREATE INDEX seg_changes_profile ON seg_changes (profile_id, seq)",
            "CREATE INDEX seg_changes_segment ON seg_changes (segment_id, as_of_utc)",
            "CREATE INDEX seg_changes_group ON seg_changes (group_id, as_of_utc)",
            "CREATE INDEX seg_changes_to ON seg_changes (to_member, as_of_utc)",
            "CREATE INDEX seg_changes_from ON seg_changes (from_member, as_of_utc)",
            """
            CREATE TABLE seg_runs (
                run_id TEXT NOT NULL PRIMARY KEY,
                as_of_utc BIGINT NOT NULL,
                as_of_offset BIGINT NOT NULL,
                started_utc BIGINT NOT NULL,
                started_offset BIGINT NOT NULL,
                completed_utc BIGINT NULL,
                completed_offset BIGINT NULL,
                profiles BIGINT NOT NULL,
                entered BIGINT NOT NULL,
                exited BIGINT NOT NULL,
                moved BIGINT NOT NULL,
                faults BIGINT NOT NULL)
            """,
        ],
        2 =>
        [
            """
            CREATE TABLE seg_backtest_sizes (
                backtest TEXT NOT NULL,
                membership_id TEXT NOT NULL,
                position BIGINT NOT NULL,
                instant_utc BIGINT NOT NULL,
                instant_offset BIGINT NOT NULL,
                size BIGINT NOT NULL,
                PRIMARY KEY (backtest, membership_id, position))
            """,
            """
            CREATE TABLE seg_backtest_flows (
                backtest TEXT NOT NULL,
                membership_id TEXT NOT NULL,
                position BIGINT NOT NULL,
                from_utc BIGINT NOT NULL,
                from_offset BIGINT NOT NULL,
                to_utc BIGINT NOT NULL,
                to_offset BIGINT NOT NULL,
                entered BIGINT NOT NULL,
                exited BIGINT NOT NULL,
                stayed BIGINT NOT NULL,
                PRIMARY KEY (backtest, membership_id, position))
            """,
        ],
        3 =>
        [
            """
            CREATE TABLE seg_backtest_transitions (
                backtest TEXT NOT NULL,
                group_id TEXT NOT NULL,
                position BIGINT NOT NULL,
                cell BIGINT NOT NULL,
                from_utc BIGINT NOT NULL,
                from_offset BIGINT NOT NULL,
                to_utc BIGINT NOT NULL,
                to_offset BIGINT NOT NULL,
                from_member TEXT NOT NULL,
                to_member TEXT NOT NULL,
                profiles BIGINT NOT NULL,
                PRIMARY KEY (backtest, group_id, position, cell))
            """,
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "No such schema version."),
    };
}
