using Segmentation.Core.Tracking;

namespace Segmentation.Storage.Tests.Contract;

/// <summary>The contract on <see cref="InMemoryMembershipStore"/>: every "instance" is the one store (memory is not shared between processes).</summary>
public sealed class InMemoryStoreContractTests : MembershipStoreContract
{
    private InMemoryMembershipStore store = new();

    protected override Task CreateDatabaseAsync()
    {
        store = new InMemoryMembershipStore();
        return Task.CompletedTask;
    }

    protected override object OpenStore() => store;
}
