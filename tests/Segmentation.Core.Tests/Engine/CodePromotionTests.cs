using Microsoft.Extensions.Logging;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Tests.Support;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// <see cref="GeneratedCodeLifetime.Automatic"/>: an engine starts on dynamic methods and, once a thread has made its
/// threshold of evaluations, its loops and chunks are generated again as methods the runtime tiers up and swapped in,
/// while evaluations run, with the same answers; at most as many engines as the budget allows.
/// </summary>
public sealed class CodePromotionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Evaluate_PastTheThreshold_PromotesTheCodeWhileOtherThreadsEvaluate_AndKeepsTheAnswers()
    {
        // Arrange
        var customers = WorkloadGenerator.Generate(400, seed: 17);
        var catalog = new WorkloadCatalog(SyntheticCatalogSpec.Generate(30, seed: 4));
        var reference = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        var expected = customers.Select(c => Memberships(reference, c)).ToArray();
        var logger = new ListLogger();
        var engine = SegmentEngine.Compile(catalog, Automatic(threshold: 300, new CodePromotionBudget(1), logger));
        engine.Tier.Promotion.Should().NotBeNull();
        var promotion = engine.Tier.Promotion!;
        engine.Tier.Network.Collections.Should().NotBeEmpty().And.OnlyContain(c => !c.HasTieredLoop);
        Enumerable.Range(0, engine.Tier.ChunkCount).Should().OnlyContain(c => !engine.Tier.IsEmitted(c));

        // Act: two threads evaluate every customer, over and over, across the threshold and the swap
        var mismatches = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var buffer = new SegmentState[engine.MembershipIds.Count];
            var wrong = 0;
            var rounds = 0;
            while (rounds < 3 || (!promotion.Completion.IsCompleted && rounds < 2_000))
            {
                for (var i = 0; i < customers.Length; i++)
                {
                    engine.Evaluate(customers[i], Workload.AsOf, buffer);
                    wrong += buffer.AsSpan().SequenceEqual(expected[i]) ? 0 : 1;
                }

                rounds++;
            }

            return wrong;
        })));
        var promoted = await promotion.Completion.WaitAsync(Patience);

        // Assert: promoted, every loop and chunk now a tiered method, no answer ever differed, and still none does
        mismatches.Should().AllSatisfy(m => m.Should().Be(0));
        promoted.Should().BeTrue();
        engine.Tier.Network.Collections.Should().OnlyContain(c => c.HasTieredLoop);
        Enumerable.Range(0, engine.Tier.ChunkCount).Should().OnlyContain(c => engine.Tier.IsEmitted(c));
        engine.RunsGeneratedCode.Should().BeTrue();
        logger.Entries.Should().ContainSingle(e => e.Id == 26 && e.Level == LogLevel.Information);
        for (var i = 0; i < customers.Length; i++)
        {
            Memberships(engine, customers[i]).Should().Equal(expected[i], customers[i].Id);
        }
    }

    [Fact]
    public async Task Evaluate_WhenTheBudgetIsSpent_KeepsTheDynamicMethodsAndSaysSo()
    {
        // Arrange: a budget of one engine, taken by the first
        var customers = WorkloadGenerator.Generate(50, seed: 3);
        var budget = new CodePromotionBudget(1);
        var logger = new ListLogger();
        var first = SegmentEngine.Compile(new WorkloadCatalog(), Automatic(threshold: 10, budget, null));
        var second = SegmentEngine.Compile(new WorkloadCatalog(), Automatic(threshold: 10, budget, logger));

        // Act
        EvaluateAll(first, customers);
        EvaluateAll(second, customers);
        var firstPromoted = await first.Tier.Promotion!.Completion.WaitAsync(Patience);
        var secondPromoted = await second.Tier.Promotion!.Completion.WaitAsync(Patience);

        // Assert
        firstPromoted.Should().BeTrue();
        secondPromoted.Should().BeFalse();
        budget.Left.Should().Be(0);
        second.Tier.Network.Collections.Should().OnlyContain(c => !c.HasTieredLoop);
        Enumerable.Range(0, second.Tier.ChunkCount).Should().OnlyContain(c => !second.Tier.IsEmitted(c));
        logger.Entries.Should().ContainSingle(e => e.Id == 27).Which.Message.Should().Contain("1 engines");
    }

    [Fact]
    public void Evaluate_BelowTheThreshold_DoesNotPromote()
    {
        var customers = WorkloadGenerator.Generate(50, seed: 3);
        var budget = new CodePromotionBudget(1);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(), Automatic(threshold: 1_000, budget, null));

        EvaluateAll(engine, customers);

        engine.Tier.Promotion!.Completion.IsCompleted.Should().BeFalse();
        budget.Left.Should().Be(1);
    }

    [Theory]
    [InlineData(GeneratedCodeLifetime.Collectible)]
    [InlineData(GeneratedCodeLifetime.Process)]
    public void Compile_OtherLifetimes_NeverPromote(GeneratedCodeLifetime lifetime)
    {
        var customers = WorkloadGenerator.Generate(50, seed: 3);
        var budget = new CodePromotionBudget(1);
        var options = Automatic(threshold: 1, budget, null);
        options.CodeLifetime = lifetime;

        var engine = SegmentEngine.Compile(new WorkloadCatalog(), options);
        EvaluateAll(engine, customers);

        engine.Tier.Promotion.Should().BeNull();
        budget.Left.Should().Be(1);
        engine.Tier.Network.Collections.Should().OnlyContain(c => c.HasTieredLoop == (lifetime == GeneratedCodeLifetime.Process));
    }

    [Fact]
    public void Compile_CatalogWithMoreChunksThanAreEmitted_IsNeverPromoted()
    {
        // One unit per chunk: the 12 reference segments make more chunks than are ever emitted as tiered methods.
        var options = Automatic(threshold: 1, new CodePromotionBudget(1), null);
        options.UnitsPerChunk = 1;

        var engine = SegmentEngine.Compile(new WorkloadCatalog(), options);

        engine.Tier.ChunkCount.Should().BeGreaterThan(NetworkCompiler.MaxEmittedChunks);
        engine.Tier.Promotion.Should().BeNull();
    }

    [Fact]
    public async Task Evaluate_AfterPromotion_AllocatesNothingPerProfile()
    {
        var customers = WorkloadGenerator.Generate(200, seed: 8);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(), Automatic(threshold: 10, new CodePromotionBudget(1), null));
        EvaluateAll(engine, customers);
        (await engine.Tier.Promotion!.Completion.WaitAsync(Patience)).Should().BeTrue();
        var buffer = new SegmentState[engine.MembershipIds.Count];

        var allocated = EngineTiers.AllocatedPerPass(customers, c => engine.Evaluate(c, Workload.AsOf, buffer));

        allocated.Should().Be(0);
    }

    [Fact]
    public void Compile_InvalidLifetimeAndThreshold_ListsBothProblems()
    {
        var options = new SegmentEngineOptions { CodeLifetime = (GeneratedCodeLifetime)7, PromoteAfterEvaluations = 0 };

        var act = () => SegmentEngine.Compile(new WorkloadCatalog(), options);

        act.Should().Throw<ArgumentException>()
            .WithMessage("*CodeLifetime must be Automatic, Collectible or Process (was 7)*")
            .WithMessage("*PromoteAfterEvaluations must be at least 1 (was 0)*");
    }

    private static SegmentEngineOptions Automatic(int threshold, CodePromotionBudget budget, ILogger? logger) => new()
    {
        CodeGeneration = CodeGeneration.BeforeReturn,
        CodeLifetime = GeneratedCodeLifetime.Automatic,
        PromoteAfterEvaluations = threshold,
        PromotionBudget = budget,
        Logger = logger,
    };

    private static SegmentState[] Memberships(SegmentEngine<Customer> engine, Customer customer)
    {
        var buffer = new SegmentState[engine.MembershipIds.Count];
        engine.Evaluate(customer, Workload.AsOf, buffer);
        return buffer;
    }

    private static void EvaluateAll(SegmentEngine<Customer> engine, IReadOnlyList<Customer> customers)
    {
        var buffer = new SegmentState[engine.MembershipIds.Count];
        foreach (var customer in customers)
        {
            engine.Evaluate(customer, Workload.AsOf, buffer);
        }
    }
}
