using Segmentation.Storage.PostgreSql;
using Segmentation.Storage.Tests.PostgreSql;

namespace Segmentation.Storage.Tests.Contract;

/// <summary>The contract on <see cref="PostgreSqlMembershipStore"/>, in a fresh database of the test cluster; each instance has its own connection pool.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreContractTests(PostgreSqlCluster cluster) : MembershipStoreContract
{
    private string connectionString = string.Empty;

    protected override async Task CreateDatabaseAsync() => connectionString = await cluster.CreateDatabaseAsync();

    protected override object OpenStore() => new PostgreSqlMembershipStore(connectionString);
}
