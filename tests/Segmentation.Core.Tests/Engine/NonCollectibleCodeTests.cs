using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Extensions.Logging;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Tests.Support;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// <see cref="SegmentEngineOptions.CodeLifetime"/> set to <see cref="GeneratedCodeLifetime.Process"/>: the collections' loops, and a small
/// catalog's chunks, are methods the runtime tiers up, and the engine's answers are the same as the collectible engine's
/// before and after the runtime recompiles them with profile data.
/// </summary>
public sealed class NonCollectibleCodeTests
{
    [Fact]
    public void Evaluate_WhileAndAfterTheRuntimeTiersTheLoopsUp_AgreesWithCollectibleCode()
    {
        var customers = WorkloadGenerator.Generate(300, seed: 11);
        var catalog = new WorkloadCatalog(SyntheticCatalogSpec.Generate(40, seed: 3));
        var collectible = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Collectible });
        var tiered = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process });
        var expected = new SegmentState[collectible.MembershipIds.Count];
        var actual = new SegmentState[tiered.MembershipIds.Count];

        tiered.Tier.Network.Collections.Should().NotBeEmpty().And.OnlyContain(c => c.HasTieredLoop);
        collectible.Tier.Network.Collections.Should().OnlyContain(c => !c.HasTieredLoop);
        tiered.Tier.ChunkCount.Should().BeInRange(1, NetworkCompiler.MaxEmittedChunks);
        Enumerable.Range(0, tiered.Tier.ChunkCount).Should().OnlyContain(c => tiered.Tier.IsEmitted(c));
        Enumerable.Range(0, collectible.Tier.ChunkCount).Should().OnlyContain(c => collectible.Tier.IsGenerated(c) && !collectible.Tier.IsEmitted(c));

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

    [Fact]
    public void Compile_FilterTheEmitterDeclines_RunsItAsADynamicMethodAndSaysWhy()
    {
        // Arrange: a filter holding a lambda of its own, which FastExpressionCompiler does not emit into a method.
        var kinds = new[] { "a", "b" };
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                s.Segment("ab-30").When(facts.Count(f => kinds.Any(k => k == f.Kind)).InLast(30).AtLeast(2));
                s.Segment("big-30").When(facts.Sum(f => f.Amount).InLast(30).AtLeast(5));
            },
            "nested-filter");
        var people = Enumerable.Range(0, 50)
            .Select(i => Scenario.With([.. Enumerable.Range(0, i % 5).Select(d => new Fact(Scenario.DaysAgo(d * 9), i % 4, kinds[(i + d) % 2]))]))
            .ToArray();
        var interpreted = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = true });

        foreach (var generation in new[] { CodeGeneration.BeforeReturn, CodeGeneration.Disabled })
        {
            // Act
            var logger = new ListLogger();
            var engine = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = generation, CodeLifetime = GeneratedCodeLifetime.Process, Logger = logger });

            // Assert: with code generation, or with the loops compiled up front, the loop says why and logs it once
            var loop = engine.Tier.Network.Collections.Should().ContainSingle().Subject;
            loop.HasTieredLoop.Should().BeFalse();
            loop.LoopNotEmittedBecause.Should().NotBeNullOrEmpty();
            logger.Entries.Should().ContainSingle(e => e.Id == 24 && e.Level == LogLevel.Information && e.Message.Contains(loop.Name, StringComparison.Ordinal), generation.ToString());
            foreach (var person in people)
            {
                var expected = interpreted.Evaluate(person, Scenario.AsOf);
                var actual = engine.Evaluate(person, Scenario.AsOf);
                foreach (var id in interpreted.MembershipIds)
                {
                    actual.StateOf(id).Should().Be(expected.StateOf(id), $"{id} with code generation {generation}");
                }
            }
        }

        people.Select(p => interpreted.Evaluate(p, Scenario.AsOf)).Should().Contain(r => r.IsIn("ab-30"), "the people cover the segment");
    }

    [Fact]
    public void Compile_FilterCallingACollectibleAssembly_RunsItAsADynamicMethodAndLaterLoopsAreStillEmitted()
    {
        // Arrange: a filter calling a method of a collectible assembly (a plugin's rules, say), which a never-unloaded
        // assembly may not reference.
        var plugin = CollectibleKindTest("a");
        var fact = Expression.Parameter(typeof(Fact), "f");
        var isA = Expression.Lambda<Func<Fact, bool>>(Expression.Call(plugin, Expression.Property(fact, nameof(Fact.Kind))), fact);
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                s.Segment("a-30").When(facts.Count(isA).InLast(30).AtLeast(2));
            },
            "collectible-filter");
        var people = Enumerable.Range(0, 40)
            .Select(i => Scenario.With([.. Enumerable.Range(0, i % 5).Select(d => new Fact(Scenario.DaysAgo(d * 7), 1m, d % 3 == 0 ? "b" : "a"))]))
            .ToArray();
        var interpreted = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = true });

        // Act
        var logger = new ListLogger();
        var engine = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process, Logger = logger });
        var next = SegmentEngine.Compile(
            SegmentCatalog.Create<Person>(s => s.Segment("b-30").When(s.Dated(p => p.Facts, f => f.At).Count(f => f.Kind == "b").InLast(30).AtLeast(1)), "after-collectible"),
            new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process });

        // Assert: the loop runs as a dynamic method, says why, gives the interpreter's answers; the next engine's loop is emitted
        var loop = engine.Tier.Network.Collections.Should().ContainSingle().Subject;
        loop.HasTieredLoop.Should().BeFalse();
        loop.LoopNotEmittedBecause.Should().Contain("collectible");
        logger.Entries.Should().ContainSingle(e => e.Id == 24);
        foreach (var person in people)
        {
            engine.Evaluate(person, Scenario.AsOf).StateOf("a-30").Should().Be(interpreted.Evaluate(person, Scenario.AsOf).StateOf("a-30"));
        }

        people.Select(p => interpreted.Evaluate(p, Scenario.AsOf)).Should().Contain(r => r.IsIn("a-30")).And.Contain(r => !r.IsIn("a-30"));
        next.Tier.Network.Collections.Should().ContainSingle().Which.HasTieredLoop.Should().BeTrue();
    }

    [Fact]
    public void Compile_CatalogWithMoreChunksThanAreEmitted_KeepsItsChunksDynamicMethods()
    {
        // Arrange: one unit per chunk, so the 12 reference segments make more chunks than are emitted
        var customers = WorkloadGenerator.Generate(200, seed: 5);
        var catalog = new WorkloadCatalog();
        var options = new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process, UnitsPerChunk = 1 };

        // Act
        var engine = SegmentEngine.Compile(catalog, options);
        var reference = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });

        // Assert: the loops are still emitted, the chunks are dynamic methods, the answers the network's
        engine.Tier.ChunkCount.Should().BeGreaterThan(NetworkCompiler.MaxEmittedChunks);
        engine.RunsGeneratedCode.Should().BeTrue();
        Enumerable.Range(0, engine.Tier.ChunkCount).Should().OnlyContain(c => !engine.Tier.IsEmitted(c));
        engine.Tier.Network.Collections.Should().OnlyContain(c => c.HasTieredLoop);
        var expected = new SegmentState[reference.MembershipIds.Count];
        var actual = new SegmentState[engine.MembershipIds.Count];
        foreach (var customer in customers)
        {
            reference.Evaluate(customer, Workload.AsOf, expected);
            engine.Evaluate(customer, Workload.AsOf, actual);
            actual.Should().Equal(expected, customer.Id);
        }
    }

    [Fact]
    public void Compile_ChunkTheEmitterDeclines_RunsItAsADynamicMethodAndSaysWhy()
    {
        // Arrange: a predicate holding a lambda of its own, which FastExpressionCompiler does not emit into a method
        var cities = new[] { "Oslo", "Bergen" };
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                s.Segment("norway").When(s.Where(p => cities.Any(c => c == p.City)));
                s.Segment("promoter").When(s.Value(p => p.Nps).AtLeast(9));
            },
            "nested-predicate");
        var people = new[] { "Oslo", "Bergen", "Paris", null }.SelectMany(city => new int?[] { null, 3, 10 }.Select(nps => new Person { City = city, Nps = nps })).ToArray();
        var reference = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        var logger = new ListLogger();

        // Act
        var engine = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process, Logger = logger });

        // Assert: the chunk is generated but not emitted, the reason is logged once, the answers are the network's
        engine.RunsGeneratedCode.Should().BeTrue();
        engine.Tier.ChunkCount.Should().Be(1);
        engine.Tier.IsEmitted(0).Should().BeFalse();
        logger.Entries.Should().ContainSingle(e => e.Id == 25 && e.Level == LogLevel.Information && e.Message.Contains("Chunk 0 of 1", StringComparison.Ordinal));
        foreach (var person in people)
        {
            var expected = reference.Evaluate(person, Scenario.AsOf);
            var actual = engine.Evaluate(person, Scenario.AsOf);
            foreach (var id in reference.MembershipIds)
            {
                actual.StateOf(id).Should().Be(expected.StateOf(id), $"{id} for {person.City} / {person.Nps}");
            }
        }

        people.Select(p => reference.Evaluate(p, Scenario.AsOf)).Should().Contain(r => r.IsIn("norway")).And.Contain(r => r.IsIn("promoter"));
    }

    /// <summary>A static method <c>bool Accepts(string kind)</c> (kind equals <paramref name="kind"/>) of a new collectible assembly.</summary>
    private static MethodInfo CollectibleKindTest(string kind)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"Plugin{Guid.NewGuid():N}"), AssemblyBuilderAccess.RunAndCollect);
        var type = assembly.DefineDynamicModule("Plugin").DefineType("Plugin.Rules", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        var method = type.DefineMethod("Accepts", MethodAttributes.Public | MethodAttributes.Static, typeof(bool), [typeof(string)]);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldstr, kind);
        il.Emit(OpCodes.Call, typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!);
        il.Emit(OpCodes.Ret);
        return type.CreateType().GetMethod("Accepts")!;
    }
}
