using Segmentation.Storage.Sqlite;
using Segmentation.Storage.Tests.Support;

namespace Segmentation.Storage.Tests.Contract;

/// <summary>The contract on <see cref="SqliteMembershipStore"/>: each instance opens the same file, as separate app instances would.</summary>
public sealed class SqliteStoreContractTests : MembershipStoreContract
{
    private readonly TempDirectory directory = new();

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override object OpenStore() => new SqliteMembershipStore(directory.File("segments.db"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        directory.Dispose();
    }
}
