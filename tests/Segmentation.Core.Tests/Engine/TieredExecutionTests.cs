using Microsoft.Extensions.Logging;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Properties;
using Segmentation.ReferenceWorkload;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Tiered execution: an engine answers on the node network as soon as it is compiled, swaps in generated code chunk by
/// chunk, gives the same results on every tier and during the swap (from several threads), allocates nothing per
/// profile on either tier, and stays on the network, saying so, when generation is disabled, out of budget or failing.
/// </summary>
public sealed class TieredExecutionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Compile_Background_AnswersAtOnceAndSwitchesToGeneratedCodeWithTheSameResults()
    {
        // Arrange
        var customers = WorkloadGenerator.Generate(1_500);
        var specs = SyntheticCatalogSpec.Generate(200);
        var expected = Memberships(SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled }), customers);

        // Act
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { PreferInterpretation = false });
        var first = Memberships(engine, customers);
        var generated = await engine.CodeGenerated.WaitAsync(Patience);
        var after = Memberships(engine, customers);

        // Assert
        generated.Should().BeTrue();
        engine.RunsGeneratedCode.Should().BeTrue();
        engine.Tier.ChunkCount.Should().BeGreaterThan(1);
        first.Should().Equal(expected);
        after.Should().Equal(expected);
        engine.CompiledFallbacks.Should().Be(0);
    }

    [Fact]
    public async Task Compile_BeforeReturn_RunsGeneratedCodeFromTheFirstEvaluationAbove100Units()
    {
        var specs = SyntheticCatalogSpec.Generate(140);

        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });

        engine.MembershipIds.Count.Should().BeGreaterThan(100);
        engine.RunsGeneratedCode.Should().BeTrue();
        engine.CodeGenerated.IsCompletedSuccessfully.Should().BeTrue();
        (await engine.CodeGenerated).Should().BeTrue();
    }

    [Fact]
    public async Task Compile_InfiniteBudget_GeneratesEverything()
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = false, CodeGenerationBudget = Timeout.InfiniteTimeSpan });

        (await engine.CodeGenerated).Should().BeTrue();
        engine.RunsGeneratedCode.Should().BeTrue();
    }

    [Fact]
    public void Compile_InvalidOptions_ListsEveryProblem()
    {
        var options = new SegmentEngineOptions { TimeProvider = null!, CodeGenerationBudget = TimeSpan.FromSeconds(-1) };

        FluentActions.Invoking(() => SegmentEngine.Compile(new WorkloadCatalog(), options)).Should().Throw<ArgumentException>()
            .WithMessage("Invalid engine options: TimeProvider must not be null; CodeGenerationBudget must be zero or more, or Timeout.InfiniteTimeSpan for no limit (was -00:00:01).*")
            .Which.ParamName.Should().Be("options");
    }

    [Fact]
    public async Task Compile_Disabled_StaysOnTheNodeNetwork()
    {
        var customers = WorkloadGenerator.Generate(200);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.Disabled });

        Memberships(engine, customers);

        (await engine.CodeGenerated.WaitAsync(Patience)).Should().BeFalse();
        engine.RunsGeneratedCode.Should().BeFalse();
        engine.Tier.GeneratedChunks.Should().Be(0);
    }

    [Fact]
    public async Task Compile_AboveCodeGenerationMaxUnits_StaysOnTheNodeNetwork()
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = false, CodeGenerationMaxUnits = 11 });

        (await engine.CodeGenerated.WaitAsync(Patience)).Should().BeFalse();
        engine.RunsGeneratedCode.Should().BeFalse();
        engine.Tier.GeneratedChunks.Should().Be(0);
    }

    [Fact]
    public async Task Compile_PreferInterpretation_GeneratesNoCode()
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = true, CodeGeneration = CodeGeneration.BeforeReturn });

        (await engine.CodeGenerated.WaitAsync(Patience)).Should().BeFalse();
        engine.RunsGeneratedCode.Should().BeFalse();
    }

    [Fact]
    public async Task Compile_BudgetSpent_StaysOnTheNetworkAndLogsAWarning()
    {
        // Arrange
        var logger = new ListLogger();
        var customers = WorkloadGenerator.Generate(500);
        var specs = SyntheticCatalogSpec.Generate(100);
        var expected = Memberships(SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled }), customers);

        // Act
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions
        {
            PreferInterpretation = false,
            CodeGenerationBudget = TimeSpan.Zero,
            Logger = logger,
        });
        var generated = await engine.CodeGenerated.WaitAsync(Patience);

        // Assert
        generated.Should().BeFalse();
        engine.RunsGeneratedCode.Should().BeFalse();
        Memberships(engine, customers).Should().Equal(expected);
        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.Message.Contains("budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compile_Generated_LogsTheTierUp()
    {
        var logger = new ListLogger();

        var engine = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = false, Logger = logger });
        await engine.CodeGenerated.WaitAsync(Patience);

        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Debug && e.Message.Contains("now runs generated code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_SeveralThreadsDuringBackgroundTierUp_SameResultsAsTheNetwork()
    {
        // Arrange: small chunks, so the swap takes many steps while four threads evaluate.
        var customers = WorkloadGenerator.Generate(600);
        var specs = SyntheticCatalogSpec.Generate(200);
        var expected = Memberships(SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled }), customers);
        var seenGenerated = new HashSet<int>();
        var mismatches = 0;
        SegmentEngine<Customer>? published = null;
        using var ready = new CountdownEvent(4);

        // Act: the four threads are running before the engine exists, so they evaluate from the first chunk on.
        var threads = Enumerable.Range(0, 4).Select(t => Task.Factory.StartNew(() =>
        {
            ready.Signal();
            SegmentEngine<Customer>? engine;
            while ((engine = Volatile.Read(ref published)) is null)
            {
                Thread.Yield();
            }

            var width = engine.MembershipIds.Count;
            var buffer = new SegmentState[width];
            var rounds = 0;
            while (!engine.CodeGenerated.IsCompleted || rounds < 2)
            {
                rounds += engine.CodeGenerated.IsCompleted ? 1 : 0;
                for (var i = t; i < customers.Length; i += 4)
                {
                    lock (seenGenerated)
                    {
                        seenGenerated.Add(engine.Tier.GeneratedChunks);
                    }

                    engine.Evaluate(customers[i], Workload.AsOf, buffer);
                    if (!buffer.AsSpan().SequenceEqual(Row(expected, width, i)))
                    {
                        Interlocked.Increment(ref mismatches);
                    }
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        ready.Wait(Patience).Should().BeTrue();
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions
        {
            PreferInterpretation = false,
            UnitsPerChunk = 4,
            CodeGenerationParallelism = 1,
        });
        Volatile.Write(ref published, engine);
        await Task.WhenAll(threads).WaitAsync(Patience);

        // Assert
        (await engine.CodeGenerated).Should().BeTrue();
        mismatches.Should().Be(0);
        seenGenerated.Should().Contain(n => n > 0 && n < engine.Tier.ChunkCount, "evaluations ran while the engine was part network, part generated code");
    }

    [Fact]
    public async Task Evaluate_SeveralThreadsWhileChunksArePublished_SameResultsAsTheNetwork()
    {
        // Arrange: chunks published one at a time, in random order, while four threads evaluate without pause.
        var customers = WorkloadGenerator.Generate(400);
        var specs = SyntheticCatalogSpec.Generate(120);
        var expected = Memberships(SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled }), customers);
        var tiers = new TierSwitch<Customer>(new WorkloadCatalog(specs).Definition, seed: 3);
        var engine = tiers.Engine;
        var mismatches = 0;
        var evaluations = 0L;
        using var stop = new CancellationTokenSource();

        // Act
        var threads = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var buffer = new SegmentState[engine.MembershipIds.Count];
            var i = t;
            while (!stop.IsCancellationRequested)
            {
                engine.Evaluate(customers[i], Workload.AsOf, buffer);
                if (!buffer.AsSpan().SequenceEqual(Row(expected, buffer.Length, i)))
                {
                    Interlocked.Increment(ref mismatches);
                }

                Interlocked.Increment(ref evaluations);
                i = (i + 4) % customers.Length;
            }
        })).ToArray();
        while (!tiers.Done)
        {
            tiers.PublishNext();
        }

        var atSwitch = Interlocked.Read(ref evaluations);
        SpinWait.SpinUntil(() => Interlocked.Read(ref evaluations) > atSwitch + 2_000, Patience);
        await stop.CancelAsync();
        await Task.WhenAll(threads).WaitAsync(Patience);

        // Assert
        engine.RunsGeneratedCode.Should().BeTrue();
        mismatches.Should().Be(0);
        evaluations.Should().BeGreaterThan(atSwitch);
    }

    [Theory]
    [InlineData(CodeGeneration.Disabled)]
    [InlineData(CodeGeneration.BeforeReturn)]
    public void Evaluate_BufferApi_AllocatesNothingPerProfileOnEitherTier(CodeGeneration generation)
    {
        // Arrange
        var customers = WorkloadGenerator.Generate(500);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(SyntheticCatalogSpec.Generate(200)), new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = generation });
        var buffer = new SegmentState[engine.MembershipIds.Count];

        // Act
        var allocated = EngineTiers.AllocatedPerPass(customers, c => engine.Evaluate(c, Workload.AsOf, buffer));

        // Assert
        engine.RunsGeneratedCode.Should().Be(generation == CodeGeneration.BeforeReturn);
        allocated.Should().Be(0);
    }

    /// <summary>Every profile's memberships, one row per profile, concatenated.</summary>
    private static SegmentState[] Memberships<TProfile>(SegmentEngine<TProfile> engine, IEnumerable<TProfile> profiles) =>
        [.. profiles.SelectMany(p =>
        {
            var buffer = new SegmentState[engine.MembershipIds.Count];
            engine.Evaluate(p, Workload.AsOf, buffer).Should().BeTrue();
            return buffer;
        })];

    private static ReadOnlySpan<SegmentState> Row(SegmentState[] rows, int width, int index) => rows.AsSpan(index * width, width);
}
