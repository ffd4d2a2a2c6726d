using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Batch;
using Segmentation.NRules.Engine;

namespace Segmentation.NRules.Tests.Batch;

/// <summary>The core tests' shared batch behaviours on the NRules engine: its batch runs on Core's pipeline.</summary>
public sealed class NRulesBatchBehaviourTests : BatchBehaviourTests
{
    private static readonly NRulesSegmentEngine<Shopper> NRules = NRulesSegmentEngine.Compile(new ShopperCatalog());

    /// <inheritdoc />
    protected override ISegmentEngine<Shopper> Engine => NRules;

    /// <inheritdoc />
    protected override SegmentationResult[] EvaluateBatch(IReadOnlyList<Shopper> profiles, BatchOptions? options, CancellationToken cancellationToken) =>
        NRules.EvaluateBatch(profiles, ReferenceWorkload.Workload.AsOf, options, cancellationToken);

    /// <inheritdoc />
    protected override int EvaluateBatch(Shopper[] profiles, SegmentState[] memberships, BatchOptions? options, CancellationToken cancellationToken) =>
        NRules.EvaluateBatch(profiles, ReferenceWorkload.Workload.AsOf, memberships, options, cancellationToken);

    /// <inheritdoc />
    protected override int EvaluateBatch(ReadOnlySpan<Shopper> profiles, Span<SegmentState> memberships) =>
        NRules.EvaluateBatch(profiles, ReferenceWorkload.Workload.AsOf, memberships);
}
