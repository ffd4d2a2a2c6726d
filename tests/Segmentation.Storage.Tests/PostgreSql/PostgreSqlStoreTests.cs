using System.Net;
using System.Net.Sockets;
using Npgsql;
using Segmentation.Core.Tracking;
using Segmentation.Storage.PostgreSql;

namespace Segmentation.Storage.Tests.PostgreSql;

/// <summary>What only a real PostgreSQL server shows: the recorded schema version, a newer schema refused, an unreachable server reported.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task FirstUse_CreatesTheSchema_AndANewerSchemaIsRefused()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using (var store = new PostgreSqlMembershipStore(connectionString))
        {
            (await store.GetSchemaVersionAsync()).Should().Be(3);
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("INSERT INTO seg_schema (version) VALUES (5)", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var again = new PostgreSqlMembershipStore(connectionString);
        var act = async () => await again.GetAsync("p1");

        (await act.Should().ThrowAsync<MembershipStoreException>()).Which.Message.Should()
            .EndWith("open failed: the database has schema version 5, newer than this library's 3: upgrade the library, or use another database")
            .And.StartWith($"PostgreSQL membership store '127.0.0.1:{cluster.Port}/seg_");
    }

    [Fact]
    public async Task AnUnreachableServer_IsReportedNamingTheStoreAndTheOperation()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var store = new PostgreSqlMembershipStore(new PostgreSqlMembershipStoreOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=nowhere",
            Timeout = TimeSpan.FromSeconds(3),
        });

        var act = async () => await store.CommitAsync([]);

        var error = (await act.Should().ThrowAsync<MembershipStoreException>()).Which;
        error.Store.Should().Be($"PostgreSQL membership store '127.0.0.1:{port}/nowhere'");
        error.Message.Should().Contain("failed: the server is unreachable");
    }
}
