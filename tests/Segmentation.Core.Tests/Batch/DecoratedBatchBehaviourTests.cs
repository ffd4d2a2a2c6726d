using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

/// <summary>
/// The shared batch behaviours on an engine known only by its interface (the path the NRules backend takes), and that
/// path against the native one: the same results, faulted results included.
/// </summary>
[Collection(BatchBehaviourTests.Serial)]
public sealed class DecoratedBatchBehaviourTests : BatchBehaviourTests
{
    private static readonly SegmentEngine<Shopper> Native = SegmentEngine.Compile(new ShopperCatalog());
    private static readonly DecoratedEngine<Shopper> Decorated = new(Native);

    /// <inheritdoc />
    protected override ISegmentEngine<Shopper> Engine => Decorated;

    [Fact]
    public void For_NativeEngine_TakesItsOwnPath_AnyOtherEngineTheInterface()
    {
        BatchEvaluator<Shopper>.For(Native, Workload.AsOf, TimeProvider.System).Should().BeOfType<BatchEvaluator<Shopper, NativeProfileEvaluation<Shopper>>>();
        BatchEvaluator<Shopper>.For(Decorated, Workload.AsOf, TimeProvider.System).Should().BeOfType<BatchEvaluator<Shopper, EngineProfileEvaluation<Shopper>>>();
    }

    [Fact]
    public void InterfacePath_GivesTheNativeResults_FaultedOnesIncluded()
    {
        var engine = SegmentEngine.Compile(new PersonIdThrowingCatalog());
        var people = Enumerable.Range(0, 100).Select(i => i % 7 == 3 ? null! : new Person { Id = i % 11 == 5 ? "boom" : $"p{i}", Nps = i % 10 }).ToArray();
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 8 };

        var native = engine.EvaluateBatch(people, Workload.AsOf, options);
        var decorated = new BatchRunner<Person>(new DecoratedEngine<Person>(engine), options).Evaluate(people, Workload.AsOf);

        native.Count(r => r.HasFaults).Should().Be(people.Count(p => p is null || p.Id == "boom"));
        native.Count(r => r.IsFaulted("promoter")).Should().Be(people.Count(p => p is null), "a null profile faults everything");
        decorated.Select(Describe).Should().Equal(native.Select(Describe));
    }

    /// <inheritdoc />
    protected override SegmentationResult[] EvaluateBatch(IReadOnlyList<Shopper> profiles, BatchOptions? options, CancellationToken cancellationToken) =>
        new BatchRunner<Shopper>(Decorated, options).Evaluate(profiles, Workload.AsOf, cancellationToken);

    /// <inheritdoc />
    protected override int EvaluateBatch(Shopper[] profiles, SegmentState[] memberships, BatchOptions? options, CancellationToken cancellationToken) =>
        new BatchRunner<Shopper>(Decorated, options).Evaluate(profiles, Workload.AsOf, memberships, cancellationToken);

    /// <inheritdoc />
    protected override int EvaluateBatch(ReadOnlySpan<Shopper> profiles, Span<SegmentState> memberships) =>
        new BatchRunner<Shopper>(Decorated).Evaluate(profiles, Workload.AsOf, memberships);

    private static string Describe(SegmentationResult result) =>
        $"{result} {string.Join(",", result.Faults.Select(f => $"{f.SegmentId}/{f.Condition}/{f.CauseId}/{f.Exception.GetType().Name}"))} stage={result.MemberOf("stage")} {string.Join(",", result.Segments)} nps-score={result.Score("nps")} faulted={result.IsFaulted("nps")} tier={result.Tier("nps")}";

    /// <summary>A catalog whose profile id accessor and one condition throw for "boom", with a group and a score.</summary>
    private sealed class PersonIdThrowingCatalog : SegmentCatalog<Person>
    {
        protected override void Define(ICatalogBuilder<Person> s)
        {
            s.IdentifiedBy(p => Id(p));
            s.Segment("promoter").When(p => p.Nps >= 9);
            s.Segment("passive").When(p => p.Nps >= 5);
            s.Segment("boom-sensitive").When(p => Explode(p));
            s.Group("stage").Member("high", s.InSegment("passive")).Otherwise("low");
            s.Score("nps").Add(5, s.InSegment("promoter")).Tiers(("low", 0), ("high", 5));
        }

        private static string Id(Person person) => person.Id == "boom" ? throw new InvalidOperationException("no id") : person.Id;

        private static bool Explode(Person person) => person.Id == "boom" ? throw new InvalidOperationException("boom") : false;
    }
}
