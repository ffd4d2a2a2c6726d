using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Npgsql;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using Segmentation.Storage.PostgreSql;
using Segmentation.Storage.Sqlite;
using Segmentation.Storage.Workload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// Tracking throughput into each membership store: a tracking run over <see cref="ProfileCount"/> profiles (batches of 500,
/// explanations on, so every change carries its reason) into an empty store (<see cref="FirstRun"/>: every membership is an
/// entry) and, one week later, into the store that run left (<see cref="ReRun"/>: few changes, every snapshot rewritten).
/// Times are per profile (Op/s is profiles per second). For the PostgreSQL store the benchmark starts a throwaway cluster
/// as the tests do (Debian's <c>postgresql</c> package, a temp directory, a free local port) but with PostgreSQL's default
/// durability (<c>fsync</c> and <c>synchronous_commit</c> on, so every commit waits for the disk); without the server
/// binaries the PostgreSQL cases are left out.
/// </summary>
/// <remarks>
/// One run takes seconds, so the job measures single invocations (monitoring: 1 warm-up, 5 measured runs) in process:
/// building a separate benchmark process timed out on the shared 2-core machine, and in-process costs nothing noticeable
/// at this scale.
/// </remarks>
[Config(typeof(StoreConfig))]
[MemoryDiagnoser]
public class TrackingStoreBenchmarks
{
    /// <summary>The profiles each run tracks.</summary>
    public const int ProfileCount = 100_000;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "seg-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private SegmentEngine<Customer> engine = null!;
    private IReadOnlyList<Customer> profiles = null!;
    private MembershipTrackerOptions options = null!;
    private IMembershipStore store = null!;
    private string sqliteTemplate = null!;
    private ThrowawayPostgreSql? postgres;
    private string postgresTemplate = null!;

    /// <summary>The stores measured.</summary>
    public static IEnumerable<string> Stores => ThrowawayPostgreSql.ServerInstalled ? ["in-memory", "sqlite", "postgresql"] : ["in-memory", "sqlite"];

    /// <summary>The store.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "in-memory";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(directory);
        engine = TrackingWorkload.Engine();
        profiles = TrackingWorkload.Profiles(ProfileCount);
        options = new MembershipTrackerOptions { BatchSize = 500 };
        var reference = new InMemoryMembershipStore();
        var tracker = new MembershipTracker<Customer>(engine, reference, options);
        var first = tracker.TrackRunAsync("first", profiles, TrackingWorkload.Week(10)).AsTask().GetAwaiter().GetResult();
        var again = tracker.TrackRunAsync("again", profiles, TrackingWorkload.Week(11)).AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"// changes: first run {first.Entered + first.Exited + first.Moved:N0}, re-run {again.Entered + again.Exited + again.Moved:N0} for {ProfileCount:N0} profiles");
        sqliteTemplate = Path.Combine(directory, "template.db");
        if (Store == "sqlite")
        {
            using var template = new SqliteMembershipStore(sqliteTemplate);
            new MembershipTracker<Customer>(engine, template, options).TrackRunAsync("first", profiles, TrackingWorkload.Week(10)).AsTask().GetAwaiter().GetResult();
        }

        if (Store == "postgresql")
        {
            postgres = new ThrowawayPostgreSql { Durable = true };
            postgres.StartAsync().GetAwaiter().GetResult();
            postgresTemplate = postgres.CreateDatabaseAsync().GetAwaiter().GetResult();
            using var template = new PostgreSqlMembershipStore(postgresTemplate);
            new MembershipTracker<Customer>(engine, template, options).TrackRunAsync("first", profiles, TrackingWorkload.Week(10)).AsTask().GetAwaiter().GetResult();
        }
    }

    [IterationSetup(Target = nameof(FirstRun))]
    public void EmptyStore() => store = Open(populated: false);

    [IterationSetup(Target = nameof(ReRun))]
    public void PopulatedStore() => store = Open(populated: true);

    [IterationCleanup]
    public void Close()
    {
        (store as IDisposable)?.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Tracks every profile into an empty store.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public Task<TrackingRun> FirstRun() => new MembershipTracker<Customer>(engine, store, options).TrackRunAsync("first", profiles, TrackingWorkload.Week(10)).AsTask();

    /// <summary>Tracks every profile again one week later.</summary>
    [Benchmark(OperationsPerInvoke = ProfileCount)]
    public Task<TrackingRun> ReRun() => new MembershipTracker<Customer>(engine, store, options).TrackRunAsync("again", profiles, TrackingWorkload.Week(11)).AsTask();

    private IMembershipStore Open(bool populated)
    {
        switch (Store)
        {
            case "sqlite":
                var path = Path.Combine(directory, "run.db");
                foreach (var file in Directory.GetFiles(directory, "run.db*"))
                {
                    File.Delete(file);
                }

                if (populated)
                {
                    File.Copy(sqliteTemplate, path);
                }

                var sqlite = new SqliteMembershipStore(path);
                sqlite.GetSchemaVersionAsync().AsTask().GetAwaiter().GetResult();
                return sqlite;
            case "postgresql":
                // A fresh database: empty, or a copy of the one the first run left (CREATE DATABASE … TEMPLATE).
                NpgsqlConnection.ClearAllPools();
                var connectionString = new NpgsqlConnectionStringBuilder(postgresTemplate) { Database = "run" }.ToString();
                using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresTemplate) { Database = "postgres" }.ToString()))
                {
                    connection.Open();
                    using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS run WITH (FORCE)", connection);
                    drop.ExecuteNonQuery();
                    var template = new NpgsqlConnectionStringBuilder(postgresTemplate).Database;
                    using var create = new NpgsqlCommand(populated ? $"CREATE DATABASE run TEMPLATE {template}" : "CREATE DATABASE run", connection);
                    create.ExecuteNonQuery();
                }

                var postgresStore = new PostgreSqlMembershipStore(connectionString);
                postgresStore.GetSchemaVersionAsync().AsTask().GetAwaiter().GetResult();
                return postgresStore;
            default:
                var memory = new InMemoryMembershipStore();
                return populated ? Populate(memory) : memory;
        }
    }

    private IMembershipStore Populate(IMembershipStore target)
    {
        new MembershipTracker<Customer>(engine, target, options).TrackRunAsync("first", profiles, TrackingWorkload.Week(10)).AsTask().GetAwaiter().GetResult();
        return target;
    }

    private sealed class StoreConfig : ManualConfig
    {
        public StoreConfig() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance).WithId("Stores"));
    }
}
