using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;
using static Segmentation.Core.Tests.ReferenceWorkload.Profiles;

namespace Segmentation.Core.Tests.ReferenceWorkload;

/// <summary>
/// The three hand-written baselines of the benchmarks — competent (<see cref="CompetentHandWritten"/>), naive per-condition
/// loops (<see cref="HandWrittenSegments"/> + <see cref="HandWrittenSynthetic"/>) and windows precomputed once
/// (<see cref="WindowsHandWritten"/>) — give the engine's memberships on generated profiles and on window edges.
/// </summary>
public sealed class HandWrittenBaselineTests
{
    [Theory]
    [InlineData(0, 3_000)]
    [InlineData(38, 2_000)]
    [InlineData(89, 2_000)]
    [InlineData(200, 2_000)]
    [InlineData(1000, 500)]
    [InlineData(4988, 100)]
    public void Evaluate_GeneratedProfiles_EveryBaselineMatchesTheEngine(int synthetic, int customerCount)
    {
        // Arrange
        var customers = WorkloadGenerator.Generate(customerCount, seed: 42);
        var specs = SyntheticCatalogSpec.Generate(synthetic, SyntheticSource.Seed);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        string[] ids = [.. HandWrittenSegments.Ids, .. specs.Select(s => s.Id)];
        var slots = ids.Select(engine.IndexOf).ToArray();
        var states = new SegmentState[engine.MembershipIds.Count];
        var competent = new bool[ids.Length];
        var naive = new bool[ids.Length];
        var windows = new bool[ids.Length];
        var mismatches = new List<string>();
        var members = 0;

        // Act
        foreach (var customer in customers)
        {
            engine.Evaluate(customer, Workload.AsOf, states).Should().BeTrue();
            CompetentHandWritten.Evaluate(customer, Workload.AsOfUtc, synthetic, competent);
            WindowsHandWritten.Evaluate(customer, Workload.AsOfUtc, synthetic, windows);
            HandWrittenSegments.Evaluate(customer, Workload.AsOfUtc, naive);
            for (var s = 0; s < specs.Count; s++)
            {
                naive[HandWrittenSegments.Count + s] = HandWrittenSynthetic.Evaluate(customer, Workload.AsOfUtc, specs[s]);
            }

            for (var i = 0; i < ids.Length; i++)
            {
                var expected = states[slots[i]] == SegmentState.In;
                members += expected ? 1 : 0;
                if (competent[i] != expected || naive[i] != expected || windows[i] != expected)
                {
                    mismatches.Add($"{customer.Id} {ids[i]}: engine {expected}, competent {competent[i]}, naive {naive[i]}, windows {windows[i]}");
                }
            }
        }

        // Assert
        mismatches.Should().BeEmpty();
        members.Should().BeGreaterThan(customerCount);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(365)]
    public void Evaluate_FactsOnWindowEdges_EveryBaselineMatchesTheEngine(int days)
    {
        // Arrange: orders and events exactly on, one tick inside and one tick after each window's edges, and after as-of.
        var specs = SyntheticCatalogSpec.Generate(200, SyntheticSource.Seed);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        var customers = new List<Customer>();
        foreach (var edge in new[] { DaysAgo(days), DaysAgo(days).AddTicks(1), DaysAgo(days).AddTicks(-1), AsOf, AsOf.AddTicks(1) })
        {
            for (var copies = 1; copies <= 5; copies += 2)
            {
                var customer = Plain();
                customer.Orders.AddRange(Enumerable.Range(0, copies).Select(_ => OrderAt(edge, 400m, Workload.Outdoor)));
                customer.Events.AddRange(Enumerable.Range(0, copies).SelectMany(_ => EventTypesAll().Select(t => EventAt(edge, t))));
                customers.Add(customer);
            }
        }

        var states = new SegmentState[engine.MembershipIds.Count];
        var competent = new bool[12 + specs.Count];
        var windows = new bool[12 + specs.Count];
        string[] ids = [.. HandWrittenSegments.Ids, .. specs.Select(s => s.Id)];
        var mismatches = new List<string>();

        // Act
        foreach (var customer in customers)
        {
            engine.Evaluate(customer, Workload.AsOf, states);
            CompetentHandWritten.Evaluate(customer, Workload.AsOfUtc, specs.Count, competent);
            WindowsHandWritten.Evaluate(customer, Workload.AsOfUtc, specs.Count, windows);
            for (var i = 0; i < ids.Length; i++)
            {
                var expected = states[engine.IndexOf(ids[i])] == SegmentState.In;
                if (competent[i] != expected || windows[i] != expected)
                {
                    mismatches.Add($"{customer.Orders.Count} facts at {customer.Orders[0].At:O} {ids[i]}: engine {expected}, competent {competent[i]}, windows {windows[i]}");
                }
            }
        }

        // Assert
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_UnsupportedSyntheticCount_Throws()
    {
        var act = () => CompetentHandWritten.Evaluate(Plain(), AsOf, 60, new bool[72]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
    }

    private static string[] EventTypesAll() =>
        [EventTypes.PageView, EventTypes.AddToCart, EventTypes.CartAbandoned, EventTypes.EmailOpen, EventTypes.EmailClick, EventTypes.Review];
}
