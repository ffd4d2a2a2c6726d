using Segmentation.Core.Batch;
using Segmentation.Core.Engine;

namespace Segmentation.Core.Tests.Batch;

/// <summary>The shared batch behaviours on the native engine.</summary>
[Collection(BatchBehaviourTests.Serial)]
public sealed class NativeBatchBehaviourTests : BatchBehaviourTests
{
    private static readonly SegmentEngine<Shopper> Native = SegmentEngine.Compile(new ShopperCatalog());

    /// <inheritdoc />
    protected override ISegmentEngine<Shopper> Engine => Native;

    /// <inheritdoc />
    protected override SegmentationResult[] EvaluateBatch(IReadOnlyList<Shopper> profiles, BatchOptions? options, CancellationToken cancellationToken) =>
        Native.EvaluateBatch(profiles, Segmentation.ReferenceWorkload.Workload.AsOf, options, cancellationToken);

    /// <inheritdoc />
    protected override int EvaluateBatch(Shopper[] profiles, SegmentState[] memberships, BatchOptions? options, CancellationToken cancellationToken) =>
        Native.EvaluateBatch(profiles, Segmentation.ReferenceWorkload.Workload.AsOf, memberships, options, cancellationToken);

    /// <inheritdoc />
    protected override int EvaluateBatch(ReadOnlySpan<Shopper> profiles, Span<SegmentState> memberships) =>
        Native.EvaluateBatch(profiles, Segmentation.ReferenceWorkload.Workload.AsOf, memberships);
}
