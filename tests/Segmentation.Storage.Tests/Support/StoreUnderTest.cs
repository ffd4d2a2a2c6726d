using Segmentation.Core.Tracking;

namespace Segmentation.Storage.Tests.Support;

/// <summary>A store the contract suite runs against, with its history and back-test views.</summary>
public sealed class StoreUnderTest(object store)
{
    public IMembershipStore Store { get; } = (IMembershipStore)store;

    public IMembershipHistory History { get; } = (IMembershipHistory)store;

    public IBacktestStore Backtests { get; } = (IBacktestStore)store;
}
