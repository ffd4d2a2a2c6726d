using System.Runtime.CompilerServices;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Tests.Support;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// The per-thread working memory: a thread that takes turns between several engines (a request evaluated against
/// several catalogs) reuses each one's frame, and a cached frame never keeps its engine alive.
/// </summary>
public sealed class FrameCacheTests
{
    [Fact]
    public async Task Evaluate_TwelveEnginesInTurnOnOneThread_AllocateNothingAndAnswerAsAlone()
    {
        // Run on a thread of its own, so that no other test's engines share its cache.
        await Task.Factory.StartNew(
            () =>
            {
                // Arrange: twelve catalogs of different sizes, and what each answers on its own
                var customers = WorkloadGenerator.Generate(200, seed: 4);
                var engines = Enumerable.Range(0, 12)
                    .Select(i => SegmentEngine.Compile(new WorkloadCatalog(SyntheticCatalogSpec.Generate(i * 3, seed: i)), EngineTiers.Options(EngineTiers.Generated)))
                    .ToArray();
                var alone = engines.Select(e => customers.Select(c => Row(e, c)).ToArray()).ToArray();
                var buffers = engines.Select(e => new SegmentState[e.MembershipIds.Count]).ToArray();

                // Act: each customer against every engine in turn
                var allocated = EngineTiers.AllocatedPerPass(customers, c =>
                {
                    for (var i = 0; i < engines.Length; i++)
                    {
                        engines[i].Evaluate(c, Workload.AsOf, buffers[i]);
                    }
                });
                var inTurn = engines.Select(_ => new List<SegmentState[]>()).ToArray();
                foreach (var customer in customers)
                {
                    for (var i = 0; i < engines.Length; i++)
                    {
                        inTurn[i].Add(Row(engines[i], customer));
                    }
                }

                // Assert
                allocated.Should().Be(0);
                FrameCache.Ways.Should().Be(FrameCache.MaxWays);
                for (var i = 0; i < engines.Length; i++)
                {
                    inTurn[i].Should().BeEquivalentTo(alone[i], o => o.WithStrictOrdering(), $"engine {i}");
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    [Fact]
    public async Task Evaluate_EngineDroppedAfterUse_IsNotKeptAliveByTheThreadsFrame()
    {
        await Task.Factory.StartNew(
            () =>
            {
                // Arrange: an engine used on this thread, then dropped
                var network = UseAndDrop();

                // Act
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();

                // Assert: its frame is still cached on the thread, but the network (and its compiled code) is gone
                network.TryGetTarget(out _).Should().BeFalse();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static SegmentState[] Row(SegmentEngine<Customer> engine, Customer customer)
    {
        var row = new SegmentState[engine.MembershipIds.Count];
        engine.Evaluate(customer, Workload.AsOf, row);
        return row;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<object> UseAndDrop()
    {
        var engine = SegmentEngine.Compile(
            SegmentCatalog.Create<Person>(s => s.Segment("oslo").When(p => p.City == "Oslo"), "dropped"),
            EngineTiers.Options(EngineTiers.Network));
        engine.Evaluate(new Person(), Scenario.AsOf, new SegmentState[1]).Should().BeTrue();
        return new WeakReference<object>(engine.Tier.Network);
    }
}
