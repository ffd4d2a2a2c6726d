using System.Text.Json;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage;

/// <summary>The rows a commit writes, as every provider stores them: the snapshot's columns and each change's columns.</summary>
internal static class CommitRows
{
    /// <summary>The columns of <c>seg_changes</c> a change fills (all but the sequence number), in the order of <see cref="ChangeValues"/>.</summary>
    public const string ChangeInsertColumns = "kind, profile_id, segment_id, group_id, from_member, to_member, as_of_utc, as_of_offset, previous_as_of_utc, previous_as_of_offset, run_id, reason";

    /// <summary>The memberships of a snapshot as stored: a JSON array of ids in ordinal order.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Memberships(MembershipSnapshot snapshot) => JsonSerializer.Serialize(snapshot.Memberships.Order(StringComparer.Ordinal).ToArray());

    /// <summary>The compare-and-swap write of one snapshot: an insert for a first commit, otherwise an update guarded by version and as-of.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The statement; it affects one row when the commit applies, none otherwise.</returns>
    public static Statement StateWrite(MembershipCommit commit)
    {
        var s = commit.Snapshot;
        var memberships = Memberships(s);
        var newVersion = commit.ExpectedVersion + 1;
        return commit.ExpectedVersion == 0
            ? new Statement(
                "INSERT INTO seg_memberships (profile_id, version, as_of_utc, as_of_offset, memberships, run_id) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) ON CONFLICT (profile_id) DO NOTHING",
                s.ProfileId, newVersion, Instants.Utc(s.AsOf), Instants.Offset(s.AsOf), memberships, s.RunId)
            : new Statement(
                "UPDATE seg_memberships SET version = @p1, as_of_utc = @p2, as_of_offset = @p3, memberships = @p4, run_id = @p5 WHERE profile_id = @p0 AND version = @p6 AND as_of_utc <= @p2",
                s.ProfileId, newVersion, Instants.Utc(s.AsOf), Instants.Offset(s.AsOf), memberships, s.RunId, commit.ExpectedVersion);
    }

    /// <summary>The insert of one change row.</summary>
    /// <param name="change">The change.</param>
    /// <param name="runId">The run that produced it, if any.</param>
    /// <returns>The statement.</returns>
    public static Statement ChangeInsert(MembershipChange change, string? runId) => new(
        $"INSERT INTO seg_changes ({ChangeInsertColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)",
        ChangeValues(change, runId));

    /// <summary>The values of a change row, in the order of <see cref="ChangeInsertColumns"/>.</summary>
    /// <param name="c">The change.</param>
    /// <param name="runId">The run that produced it, if any.</param>
    /// <returns>The values (<see langword="null"/> for SQL NULL).</returns>
    public static object?[] ChangeValues(MembershipChange c, string? runId) =>
    [
        (long)c.Kind,
        c.ProfileId,
        c.SegmentId,
        c.GroupId,
        c.FromMember,
        c.ToMember,
        Instants.Utc(c.AsOf),
        Instants.Offset(c.AsOf),
        c.PreviousAsOf is { } p ? Instants.Utc(p) : null,
        c.PreviousAsOf is { } q ? Instants.Offset(q) : null,
        runId,
        c.Explanation?.Line,
    ];
}
