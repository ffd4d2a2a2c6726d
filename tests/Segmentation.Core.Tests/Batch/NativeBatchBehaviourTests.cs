using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;

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

    [Fact]
    public void EvaluateBatch_BufferSizeBeyondInt_IsRefusedWithTheSize()
    {
        // 2^26 profiles × 64 memberships is 2^32 entries, which an int product wraps to 0.
        var engine = SegmentEngine.Compile(SegmentCatalog.Create<byte>(
            s =>
            {
                for (var i = 0; i < 64; i++)
                {
                    var threshold = (byte)i;
                    s.Segment($"s{i}").When(b => b >= threshold);
                }
            },
            "wide"));
        var profiles = new byte[1 << 26];
        var tooSmall = new SegmentState[64];

        FluentActions.Invoking(() => engine.EvaluateBatch(new ReadOnlySpan<byte>(profiles), Scenario.AsOf, tooSmall)).Should().Throw<ArgumentException>()
            .WithMessage("The membership buffer needs 4294967296 entries.*");
        FluentActions.Invoking(() => engine.EvaluateBatch(profiles, Scenario.AsOf, tooSmall)).Should().Throw<ArgumentException>()
            .WithMessage("The membership buffer needs 4294967296 entries.*");
        tooSmall.Should().AllSatisfy(state => state.Should().Be(default(SegmentState)), "nothing is written before the check");
    }
}
