using Segmentation.Storage.Workload;

namespace Segmentation.Storage.Tests.PostgreSql;

/// <summary>
/// The tests' throwaway PostgreSQL cluster (see <see cref="ThrowawayPostgreSql"/>), with durability off for speed: one per
/// test run, shared by the PostgreSQL tests. Without the server binaries, every PostgreSQL test fails saying so.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncLifetime
{
    private readonly ThrowawayPostgreSql server = new();

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port => server.Port;

    public Task InitializeAsync() => server.StartAsync();

    public Task DisposeAsync() => server.DisposeAsync().AsTask();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "PostgreSQL cluster";
}
