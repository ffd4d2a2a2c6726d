using System.Diagnostics;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// <see cref="SegmentEngineOptions.CollectibleCode"/> set to <see langword="false"/>: the collections' loops are methods
/// the runtime tiers up, and the engine's answers are the same as the collectible engine's before and after the runtime
/// recompiles them with profile data.
/// </summary>
public sealed class NonCollectibleCodeTests
{
    [Fact]
    public void Evaluate_WhileAndAfterTheRuntimeTiersTheLoopsUp_AgreesWithCollectibleCode()
    {
        var customers = WorkloadGenerator.Generate(300, seed: 11);
        var catalog = new WorkloadCatalog(SyntheticCatalogSpec.Generate(40, seed: 3));
        var collectible = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn });
        var tiered = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CollectibleCode = false });
        var expected = new SegmentState[collectible.MembershipIds.Count];
        var actual = new SegmentState[tiered.MembershipIds.Count];

        tiered.Tier.Network.Collections.Should().NotBeEmpty().And.OnlyContain(c => c.HasTieredLoop);
        collectible.Tier.Network.Collections.Should().OnlyContain(c => !c.HasTieredLoop);

        // Thousands of calls and more than the runtime's tiering delay (100 ms): the loops run unoptimized, instrumented,
        // then recompiled with dynamic PGO, and every answer along the way is compared.
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1.5) || rounds < 20)
        {
            foreach (var customer in customers)
            {
                collectible.Evaluate(customer, Workload.AsOf, expected);
                tiered.Evaluate(customer, Workload.AsOf, actual);
                if (!actual.AsSpan().SequenceEqual(expected))
                {
                    actual.Should().Equal(expected, $"customer {customer.Id} in round {rounds}");
                }
            }

            rounds++;
        }
    }
}
