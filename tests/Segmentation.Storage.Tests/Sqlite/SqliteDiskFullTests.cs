using Microsoft.Data.Sqlite;
using Segmentation.Core.Tracking;
using Segmentation.Storage.Sqlite;
using Segmentation.Storage.Tests.Support;

namespace Segmentation.Storage.Tests.Sqlite;

/// <summary>
/// A SQLite store that really runs out of room — its file at its maximum size (SQLite's <c>max_page_count</c>, the same
/// SQLITE_FULL path as a full disk) and a file on a real tmpfs of 2 MiB — fails the commit naming the store and the
/// operation, keeps everything committed before and nothing of the failed commit, and commits again once there is room.
/// </summary>
public sealed class SqliteDiskFullTests : IDisposable
{
    private const string Full = "the disk or the database file is full";
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task AFileAtItsMaximumSize_FailsTheCommitAsFull_KeepsWhatWasCommitted_AndCommitsOnceItMayGrow()
    {
        var path = directory.File("capped.db");
        using var capped = new SqliteMembershipStore(new SqliteMembershipStoreOptions { ConnectionString = $"Data Source={path}", MaxSize = 512 * 1024 });

        var (error, committed) = await FillingCommits.UntilFullAsync(capped);

        error.Message.Should().Be($"SQLite membership store 'capped.db': commit failed: {Full}");
        error.Store.Should().Be("SQLite membership store 'capped.db'");
        error.Operation.Should().Be("commit");
        error.InnerException.Should().BeOfType<SqliteException>().Which.SqliteErrorCode.Should().Be(13, "SQLITE_FULL");
        await FillingCommits.ShouldHoldExactlyAsync(capped, capped, committed);
        (await ScalarAsync(path, "SELECT COUNT(*) FROM seg_changes")).Should().Be(committed * 20L * 40);
        (await ScalarAsync(path, "PRAGMA integrity_check")).Should().Be("ok");

        using var uncapped = new SqliteMembershipStore(path);
        (await uncapped.CommitAsync(FillingCommits.Batch(committed))).Should().OnlyContain(applied => applied);
        (await uncapped.GetManyAsync([$"profile-{(committed * 20) + 19:D6}"])).Should().ContainSingle();
    }

    [SkippableFact]
    public async Task AFileOnAFullFileSystem_FailsTheCommitAsFull_KeepsWhatWasCommitted_AndCommitsOnceThereIsRoom()
    {
        var (disk, whyNot) = SmallFileSystem.TryMount(2 * 1024 * 1024);
        Skip.If(disk is null, whyNot);
        using (disk)
        {
            var path = Path.Combine(disk!.Path, "segments.db");
            using var store = new SqliteMembershipStore(path);

            var (error, committed) = await FillingCommits.UntilFullAsync(store);

            error.Message.Should().Be($"SQLite membership store 'segments.db': commit failed: {Full}");
            error.InnerException.Should().BeOfType<SqliteException>().Which.SqliteErrorCode.Should().Be(13, "SQLITE_FULL");
            new DriveInfo(disk.Path).AvailableFreeSpace.Should().BeLessThan(256 * 1024, "the file system is really full");
            await FillingCommits.ShouldHoldExactlyAsync(store, store, committed);

            disk.Grow(16 * 1024 * 1024);
            (await store.CommitAsync(FillingCommits.Batch(committed))).Should().OnlyContain(applied => applied);
            await FillingCommits.ShouldHoldExactlyAsync(store, store, committed + 1);
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public void AMaximumSizeThatIsNotPositive_IsRefused()
    {
        var act = () => new SqliteMembershipStore(new SqliteMembershipStoreOptions { ConnectionString = "Data Source=x.db", MaxSize = 0 });

        act.Should().Throw<ArgumentException>().WithMessage("SqliteMembershipStoreOptions.MaxSize must be positive.*");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
