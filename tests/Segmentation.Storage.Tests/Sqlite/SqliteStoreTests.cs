using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using Segmentation.Storage.Sqlite;
using Segmentation.Storage.Tests.Contract;
using Segmentation.Storage.Tests.Support;
using Segmentation.Storage.Workload;

namespace Segmentation.Storage.Tests.Sqlite;

/// <summary>What only a real SQLite file shows: the schema and its migrations, and failures reported with the store and the operation.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task FirstUse_CreatesTheSchema_AndRecordsItsVersion()
    {
        var path = directory.File("new.db");
        using var store = new SqliteMembershipStore(path);

        (await store.GetSchemaVersionAsync()).Should().Be(SqliteMembershipStore.SchemaVersion).And.Be(3);

        (await ScalarAsync(path, "SELECT MAX(version) FROM seg_schema")).Should().Be(3L);
        (await ScalarAsync(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'seg_%'")).Should().Be(7L);
    }

    [Fact]
    public async Task OpeningAVersionOneFile_MigratesItToTheLatestVersion_KeepingItsData()
    {
        var path = directory.File("old.db");
        using (var old = new SqliteMembershipStore(path))
        {
            (await old.MigrateToAsync(1)).Should().Be(0);
        }

        await ExecuteAsync(path, "INSERT INTO seg_memberships VALUES ('p1', 1, 0, 0, '[\"buyer\"]', NULL)");
        (await ScalarAsync(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'seg_backtest_sizes'")).Should().Be(0L);

        using var store = new SqliteMembershipStore(path);
        var snapshot = await store.GetAsync("p1");

        snapshot!.Memberships.Should().Equal("buyer");
        (await store.GetSchemaVersionAsync()).Should().Be(3);
        (await ScalarAsync(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'seg_backtest_sizes'")).Should().Be(1L);
        (await ScalarAsync(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'seg_backtest_transitions'")).Should().Be(1L);
    }

    [Fact]
    public async Task OpeningAVersionTwoFile_AddsTheTransitionsTable_KeepingStoredBacktests_WhoseTransitionsComeWithTheNextSave()
    {
        var path = directory.File("v2.db");
        var engine = TrackingWorkload.Engine();
        var instants = new[] { TrackingWorkload.Week(0), TrackingWorkload.Week(4) };
        var report = Backtest.Run(engine, TrackingWorkload.Profiles(40), instants);
        using (var old = new SqliteMembershipStore(path))
        {
            (await old.MigrateToAsync(2)).Should().Be(0);
        }

        await ExecuteAsync(path, "INSERT INTO seg_backtest_sizes VALUES ('old', 'buyer', 0, 0, 0, 17)");
        (await ScalarAsync(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'seg_backtest_transitions'")).Should().Be(0L);

        using var store = new SqliteMembershipStore(path);

        (await store.BacktestSizesAsync("old", "buyer")).Select(p => p.Size).Should().Equal(17);
        (await store.BacktestTransitionsAsync("old", "journey-stage")).Should().BeEmpty();
        (await ScalarAsync(path, "SELECT MAX(version) FROM seg_schema")).Should().Be(3L);
        await store.SaveBacktestAsync("old", report);
        (await store.BacktestTransitionsAsync("old", "journey-stage")).Sum(p => p.Profiles).Should().Be(40);
    }

    [Fact]
    public async Task ASchemaNewerThanTheLibrary_IsRefusedNamingTheStoreAndTheVersions()
    {
        var path = directory.File("newer.db");
        using (var store = new SqliteMembershipStore(path))
        {
            await store.GetSchemaVersionAsync();
        }

        await ExecuteAsync(path, "INSERT INTO seg_schema (version) VALUES (4)");
        using var again = new SqliteMembershipStore(path);

        var act = async () => await again.GetAsync("p1");

        (await act.Should().ThrowAsync<MembershipStoreException>()).Which.Message.Should()
            .Be("SQLite membership store 'newer.db': open failed: the database has schema version 4, newer than this library's 3: upgrade the library, or use another database");
    }

    [Fact]
    public async Task AFileThatIsNotADatabase_IsReportedNamingTheStoreAndTheOperation()
    {
        var path = directory.File("notes.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        using var store = new SqliteMembershipStore(path);

        var act = async () => await store.GetAsync("p1");

        var error = (await act.Should().ThrowAsync<MembershipStoreException>()).Which;
        error.Store.Should().Be("SQLite membership store 'notes.db'");
        error.Message.Should().Be("SQLite membership store 'notes.db': migrate the schema failed: the file is not a SQLite database");
        error.InnerException.Should().BeOfType<SqliteException>();
    }

    [Fact]
    public async Task AWriterHoldingTheLockPastTheTimeout_FailsTheCommitWithATimeoutMessage()
    {
        var path = directory.File("locked.db");
        using var store = new SqliteMembershipStore(new SqliteMembershipStoreOptions { ConnectionString = $"Data Source={path}", Timeout = TimeSpan.FromSeconds(1) });
        await store.GetSchemaVersionAsync();
        await using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        await holder.OpenAsync();
        await using var transaction = holder.BeginTransaction(deferred: false);

        var act = async () => await store.CommitAsync([MembershipStoreContract.Commit("p1", T0, 0, "a")]);

        (await act.Should().ThrowAsync<MembershipStoreException>()).Which.Message.Should()
            .Be("SQLite membership store 'locked.db': commit failed: the database stayed locked by another writer past the timeout");
    }

    [Fact]
    public async Task AFailureInTheMiddleOfACommit_KeepsNothingOfIt()
    {
        var path = directory.File("atomic.db");
        using var store = new SqliteMembershipStore(path);
        await store.GetSchemaVersionAsync();
        await ExecuteAsync(path, "CREATE TRIGGER poison BEFORE INSERT ON seg_changes WHEN NEW.segment_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned change'); END");

        var act = async () => await store.CommitAsync(
        [
            MembershipStoreContract.Commit("p1", T0, 0, "a") with { Changes = [MembershipStoreContract.Entered("p1", "a", T0)] },
            MembershipStoreContract.Commit("p2", T0, 0, "poison") with { Changes = [MembershipStoreContract.Entered("p2", "poison", T0)] },
        ]);

        (await act.Should().ThrowAsync<MembershipStoreException>()).Which.Message.Should().StartWith("SQLite membership store 'atomic.db': commit failed:").And.Contain("poisoned change");
        (await store.GetManyAsync(["p1", "p2"])).Should().BeEmpty();
        (await store.HistoryOfAsync("p1")).Should().BeEmpty();
    }

    [Fact]
    public void DiskFull_IsDescribedAsSuch()
    {
        var dialect = new SqliteDialect("Data Source=x.db", TimeSpan.FromSeconds(1));

        dialect.Describe(new SqliteException("database or disk is full", 13)).Should().Be("the disk or the database file is full");
    }

    [Fact]
    public async Task AddSqliteMembershipStore_RegistersOneStoreForTrackingHistoryAndBacktests()
    {
        var path = directory.File("di.db");
        var services = new ServiceCollection();
        services.AddSegmentation(s => s.AddCatalog(new DiCatalog())).AddSqliteMembershipStore(path);
        await using var provider = services.BuildServiceProvider();

        var tracker = provider.GetRequiredService<MembershipTracker<Customer>>();
        await tracker.TrackAsync(TrackingWorkload.Profiles(5)[1], T0);

        provider.GetRequiredService<IMembershipStore>().Should().BeSameAs(provider.GetRequiredService<SqliteMembershipStore>());
        provider.GetRequiredService<IMembershipHistory>().Should().BeSameAs(provider.GetRequiredService<SqliteMembershipStore>());
        provider.GetRequiredService<IBacktestStore>().Should().BeSameAs(provider.GetRequiredService<SqliteMembershipStore>());
        (await ScalarAsync(path, "SELECT COUNT(*) FROM seg_memberships")).Should().Be(1L);
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

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class DiCatalog : Segmentation.Core.Dsl.SegmentCatalog<Customer>
    {
        protected override void Define(Segmentation.Core.Dsl.ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => c.Id);
            s.Segment("buyer").When(s.Dated(c => c.Orders, o => o.At).Any().Ever());
        }
    }
}
