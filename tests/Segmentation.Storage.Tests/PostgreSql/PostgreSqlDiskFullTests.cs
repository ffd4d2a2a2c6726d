using Npgsql;
using Segmentation.Core.Tracking;
using Segmentation.Storage.PostgreSql;
using Segmentation.Storage.Tests.Support;

namespace Segmentation.Storage.Tests.PostgreSql;

/// <summary>
/// A PostgreSQL store whose database lives on a really full disk: a tablespace on a tmpfs of 12 MiB (the server's
/// write-ahead log stays on its own disk, as when a data volume fills). The commit fails naming the store and the
/// operation, everything committed before is kept and nothing of the failed commit, and it commits once there is room.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDiskFullTests(PostgreSqlCluster cluster)
{
    [SkippableFact]
    public async Task ADatabaseOnAFullDisk_FailsTheCommitAsDiskFull_KeepsWhatWasCommitted_AndCommitsOnceThereIsRoom()
    {
        var (disk, whyNot) = SmallFileSystem.TryMount(12 * 1024 * 1024);
        Skip.If(disk is null, whyNot);
        using (disk)
        {
            var location = Path.Combine(disk!.Path, "tablespace");
            Directory.CreateDirectory(location);
            if (Environment.UserName == "root")
            {
                // The test cluster's server runs as the postgres user, which must own a tablespace's directory.
                using var chown = System.Diagnostics.Process.Start("chown", ["postgres:", location]);
                await chown.WaitForExitAsync();
            }

            var scratch = await cluster.CreateDatabaseAsync();
            var admin = new NpgsqlConnectionStringBuilder(scratch) { Database = "postgres", Pooling = false }.ToString();
            var name = "seg_full_" + Guid.NewGuid().ToString("N")[..8];
            await ExecuteAsync(admin, $"CREATE TABLESPACE {name} LOCATION '{location}'");
            await ExecuteAsync(admin, $"CREATE DATABASE {name} TABLESPACE {name}");
            var connectionString = new NpgsqlConnectionStringBuilder(scratch) { Database = name }.ToString();
            try
            {
                await using (var store = new PostgreSqlMembershipStore(connectionString))
                {
                    var (error, committed) = await FillingCommits.UntilFullAsync(store);

                    error.Message.Should().Be($"PostgreSQL membership store '127.0.0.1:{cluster.Port}/{name}': commit failed: the server's disk is full");
                    error.Operation.Should().Be("commit");
                    error.InnerException.Should().BeOfType<PostgresException>().Which.SqlState.Should().Be("53100");
                    await FillingCommits.ShouldHoldExactlyAsync(store, store, committed);

                    disk.Grow(64 * 1024 * 1024);
                    (await store.CommitAsync(FillingCommits.Batch(committed))).Should().OnlyContain(applied => applied);
                    await FillingCommits.ShouldHoldExactlyAsync(store, store, committed + 1);
                }
            }
            finally
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                await ExecuteAsync(admin, $"DROP TABLESPACE IF EXISTS {name}");
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
