using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Rules;
using Segmentation.Core.Tests.Support;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// How generated code is cut into methods: chunks stay within a unit and a weight budget (small enough for the JIT to
/// inline and enregister), cover every unit once and in order, and a profile value or text lookup that several chunks
/// test is computed once per evaluation and never carried over to the next one.
/// </summary>
public sealed class CodeChunkingTests
{
    [Theory]
    [InlineData(24, 48)]
    [InlineData(4, 1_000)]
    [InlineData(1_000, 10)]
    public void ChunkStarts_CoverEveryUnitOnceInOrder_WithinBothLimits(int unitsPerChunk, int weightPerChunk)
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(SyntheticCatalogSpec.Generate(200)), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        var network = engine.Tier.Network;

        var starts = NetworkCompiler.ChunkStarts(network, unitsPerChunk, weightPerChunk);

        starts[0].Should().Be(0);
        starts[^1].Should().Be(network.Units.Length);
        for (var chunk = 0; chunk + 1 < starts.Length; chunk++)
        {
            var units = network.Units[starts[chunk]..starts[chunk + 1]];
            units.Should().NotBeEmpty();
            units.Length.Should().BeLessThanOrEqualTo(unitsPerChunk);
            if (units.Length > 1)
            {
                units.Sum(NetworkCompiler.Weight).Should().BeLessThanOrEqualTo(weightPerChunk, $"chunk {chunk} has more than one unit");
            }

            if (chunk + 2 < starts.Length && units.Length < unitsPerChunk)
            {
                (units.Sum(NetworkCompiler.Weight) + NetworkCompiler.Weight(network.Units[starts[chunk + 1]]))
                    .Should().BeGreaterThan(weightPerChunk, $"chunk {chunk} ended only because the next unit would not fit");
            }
        }
    }

    [Fact]
    public void ChunkStarts_AUnitHeavierThanTheBudget_GetsAChunkOfItsOwn()
    {
        var engine = Scenario.Compile(
            s =>
            {
                s.Segment("light").When(s.Where(p => p.Nps == 1));
                var heavy = s.Where(p => p.Nps == 0);
                for (var i = 1; i < 40; i++)
                {
                    var n = i;
                    heavy |= s.Where(p => p.Nps == n);
                }

                s.Segment("heavy").When(heavy);
                s.Segment("light-2").When(s.Where(p => p.Nps == 2));
            },
            new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        var network = engine.Tier.Network;

        var starts = NetworkCompiler.ChunkStarts(network, unitsPerChunk: 24, weightPerChunk: 20);

        NetworkCompiler.Weight(network.Units[1]).Should().BeGreaterThan(20);
        starts.Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public void GeneratedCode_ProfileValueAndTextTestedInManyChunks_AreComputedOncePerEvaluation()
    {
        // Arrange: 30 segments on one selector and one text lookup, cut into many chunks.
        var probe = new Probe();
        var engine = Scenario.Compile(
            s =>
            {
                var nps = s.Value(p => probe.Nps(p));
                var city = s.Text(p => probe.City(p));
                for (var i = 0; i < 30; i++)
                {
                    s.Segment($"nps-{i}").When(nps.AtLeast(i % 10)).And(city.In(i % 2 == 0 ? ["Oslo"] : ["Rome", "Oslo"]));
                }
            },
            new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn, WeightPerChunk = 8 });
        var people = new[] { new Person { Nps = 3, City = "Oslo" }, new Person { Nps = 9, City = "Rome" }, new Person { Nps = null, City = "Oslo" } };

        // Act
        var results = people.Select(p => engine.Evaluate(p, Scenario.AsOf)).ToArray();

        // Assert
        engine.RunsGeneratedCode.Should().BeTrue();
        engine.Tier.ChunkCount.Should().BeGreaterThan(5);
        probe.NpsReads.Should().Be(people.Length, "the value is read once per evaluation and kept for the later chunks");
        probe.CityReads.Should().Be(2, "the text lookup is made once per evaluation that reaches it (the third person has no score, so no segment gets past the score test) and kept for the later chunks");
        for (var i = 0; i < 30; i++)
        {
            results[0].StateOf($"nps-{i}").Should().Be(3 >= i % 10 ? SegmentState.In : SegmentState.Out, $"nps-{i} for the first person");
            results[1].StateOf($"nps-{i}").Should().Be(i % 2 == 1 ? SegmentState.In : SegmentState.Out, $"nps-{i} for the second person");
            results[2].StateOf($"nps-{i}").Should().Be(SegmentState.Out, $"nps-{i}: no score is no value, not the previous profile's");
        }
    }

    [Fact]
    public void GeneratedUnits_BeforeAndAfterTheCollectionLoopsArePublished_AgreeWithTheNetwork()
    {
        // Arrange: a network whose fused loops are left for later, as Compile does when code generation is on.
        var customers = WorkloadGenerator.Generate(400, seed: 11);
        var ruleSet = RuleSet<Customer>.From(new WorkloadCatalog(SyntheticCatalogSpec.Generate(120, seed: 3)).Definition);
        var expected = Memberships(SegmentEngine.Compile(ruleSet, new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled }), customers);
        var network = new NetworkBuilder<Customer>(ruleSet, new LambdaCompiler(interpret: false, deferScanCode: true)).Build();
        var tier = new CodeTier<Customer>(network);
        var engine = new SegmentEngine<Customer>(ruleSet, tier, TimeProvider.System, interpreted: false, Task.FromResult(false));
        network.Collections.Should().OnlyContain(c => c.HasPendingCode);
        var shared = NetworkCompiler.SharedAcrossChunks(network, tier.Starts);

        // Act: the network alone, then every chunk as code over interpreted scans, then the loops published too.
        var networkOnly = Memberships(engine, customers);
        for (var chunk = 0; chunk < tier.ChunkCount; chunk++)
        {
            tier.Publish(chunk, NetworkCompiler.CompileChunk(network, tier.UnitsOf(chunk), shared));
        }

        var codeOverInterpretedScans = Memberships(engine, customers);
        foreach (var collection in network.Collections)
        {
            collection.CompileCode();
        }

        var allCode = Memberships(engine, customers);

        // Assert
        tier.IsComplete.Should().BeTrue();
        network.Collections.Should().OnlyContain(c => !c.HasPendingCode);
        networkOnly.Should().Equal(expected);
        codeOverInterpretedScans.Should().Equal(expected);
        allCode.Should().Equal(expected);
        tier.Fallbacks.Should().Be(0);
    }

    [Fact]
    public void GeneratedCode_ManyThresholdsOnOneDecimal_ComparesByRankExactlyAsTheNetwork()
    {
        // Arrange: every operator at every cut of a sum and an average (absent without facts), across many small chunks.
        decimal[] cuts = [-5m, 0m, 10m, 20m, 20.5m, 30m];
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                var sum = facts.Sum(f => f.Amount).InLast(30);
                var average = facts.Average(f => f.Amount).Ever();
                foreach (var cut in cuts)
                {
                    s.Segment($"sum-at-least-{cut}").When(sum.AtLeast(cut));
                    s.Segment($"sum-above-{cut}").When(sum.GreaterThan(cut));
                    s.Segment($"sum-at-most-{cut}").When(sum.AtMost(cut));
                    s.Segment($"sum-below-{cut}").When(sum.LessThan(cut));
                    s.Segment($"average-at-least-{cut}").When(average.AtLeast(cut));
                    s.Segment($"average-below-{cut}").When(average.LessThan(cut));
                }
            },
            "thresholds");
        decimal[] amounts = [-7m, -5m, -4.99m, 0m, 0.01m, 10m, 19.99m, 20m, 20.25m, 20.5m, 20.51m, 30m, 31m];
        var people = amounts.Select(a => Scenario.With(new Fact(Scenario.DaysAgo(1), a)))
            .Concat(amounts.Select(a => Scenario.With(new Fact(Scenario.DaysAgo(1), a / 2), new Fact(Scenario.DaysAgo(2), a / 2), new Fact(Scenario.DaysAgo(40), a))))
            .Append(Scenario.With())
            .ToArray();
        var network = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
        var generated = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn, WeightPerChunk = 5 });

        // Act
        var expected = people.Select(p => network.Evaluate(p, Scenario.AsOf)).ToArray();
        var actual = people.Select(p => generated.Evaluate(p, Scenario.AsOf)).ToArray();

        // Assert
        generated.RunsGeneratedCode.Should().BeTrue();
        generated.Tier.ChunkCount.Should().BeGreaterThan(4);
        generated.Tier.Network.Conditions.OfType<ComparisonNode<Person>>().Should().OnlyContain(c => c.Thresholds != null, "every comparison is ranked");
        for (var i = 0; i < people.Length; i++)
        {
            foreach (var id in network.MembershipIds)
            {
                actual[i].StateOf(id).Should().Be(expected[i].StateOf(id), $"{id} for person {i}");
            }
        }

        expected[0].StateOf("sum-below--5").Should().Be(SegmentState.In, "-7 is below -5");
        expected[^1].StateOf("average-below-30").Should().Be(SegmentState.Out, "no facts, no average");
        expected[^1].StateOf("sum-at-most-0").Should().Be(SegmentState.In, "no facts sum to 0");
    }

    [Fact]
    public void MixedTier_SumOverflowIsolatedByTheNetworkScan_SendsTheProfileBackToTheNetwork()
    {
        // Arrange: "orders" is scanned by the network (first chunk); "spend" reads the overflowing sum in generated code.
        var engine = Scenario.Compile(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                s.Segment("orders").When(facts.Count().InLast(30).AtLeast(1));
                s.Segment("spend").When(facts.Sum(f => f.Amount).InLast(30).AtLeast(0));
            },
            new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.Disabled, UnitsPerChunk = 1 });
        var tier = engine.Tier;
        var spendChunk = Enumerable.Range(0, tier.ChunkCount)
            .Single(c => tier.UnitsOf(c).ToArray().OfType<SegmentUnit<Person>>().Any(u => u.Slot == engine.IndexOf("spend")));
        spendChunk.Should().Be(1, "the network runs the first chunk and scans the orders");
        tier.Publish(spendChunk, NetworkCompiler.CompileChunk(tier.Network, tier.UnitsOf(spendChunk)));
        var person = Scenario.With(new Fact(Scenario.DaysAgo(1), decimal.MaxValue), new Fact(Scenario.DaysAgo(2), 1m));

        // Act
        var result = engine.Evaluate(person, Scenario.AsOf);

        // Assert
        result.StateOf("orders").Should().Be(SegmentState.In);
        result.StateOf("spend").Should().Be(SegmentState.Faulted, "the sum overflowed; generated code must not read its partial value");
        tier.Fallbacks.Should().Be(1);
    }

    [Fact]
    public void GeneratedCode_ValueSeveralUnitsOfAChunkCompare_IsComputedOncePerEvaluation()
    {
        // Arrange: one chunk; the first unit's short-circuit would skip the value, the later ones read it.
        var probe = new Probe();
        var engine = Scenario.Compile(
            s =>
            {
                var nps = s.Value(p => probe.Nps(p));
                s.Segment("oslo-promoter").When(s.Where(p => p.City == "Oslo")).And(nps.AtLeast(9));
                s.Segment("detractor").When(nps.AtMost(6));
                s.Segment("passive").When(nps.Between(7, 8));
            },
            new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
        var people = new[] { new Person { Nps = 9, City = "Rome" }, new Person { Nps = 10, City = "Oslo" }, new Person { Nps = 7 }, new Person { Nps = null } };

        // Act
        var results = people.Select(p => engine.Evaluate(p, Scenario.AsOf)).ToArray();

        // Assert
        engine.Tier.ChunkCount.Should().Be(1);
        probe.NpsReads.Should().Be(people.Length, "the value is computed once per evaluation, before the first unit comparing it");
        results.Select(r => (r.StateOf("oslo-promoter"), r.StateOf("detractor"), r.StateOf("passive"))).Should().Equal(
            (SegmentState.Out, SegmentState.Out, SegmentState.Out),
            (SegmentState.In, SegmentState.Out, SegmentState.Out),
            (SegmentState.Out, SegmentState.Out, SegmentState.In),
            (SegmentState.Out, SegmentState.Out, SegmentState.Out));
        engine.Tier.Fallbacks.Should().Be(0);
    }

    [Fact]
    public void GeneratedCode_ValueComputedAheadThrows_WhereEveryUnitWouldSkipIt_AnswersAsTheNetworkWithoutFaults()
    {
        // Arrange: both units short-circuit before the value for a profile outside Oslo, whose value throws.
        var engine = Scenario.Compile(
            s =>
            {
                var nps = s.Value(p => OsloScore(p));
                s.Segment("oslo-promoter").When(s.Where(p => p.City == "Oslo")).And(nps.AtLeast(9));
                s.Segment("oslo-detractor").When(s.Where(p => p.City == "Oslo")).And(nps.AtMost(6));
            },
            new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });

        // Act
        var rome = engine.Evaluate(new Person { Nps = 10, City = "Rome" }, Scenario.AsOf);
        var oslo = engine.Evaluate(new Person { Nps = 10, City = "Oslo" }, Scenario.AsOf);

        // Assert
        rome.Faults.Should().BeEmpty("no segment needed the value");
        rome.StateOf("oslo-promoter").Should().Be(SegmentState.Out);
        rome.StateOf("oslo-detractor").Should().Be(SegmentState.Out);
        oslo.StateOf("oslo-promoter").Should().Be(SegmentState.In);
        oslo.StateOf("oslo-detractor").Should().Be(SegmentState.Out);
        engine.Tier.Fallbacks.Should().Be(1, "generated code computed the value ahead, met the exception and handed the profile to the network");
    }

    [Fact]
    public void GeneratedCode_CollectionScannedAheadIsNull_WhereEveryUnitWouldSkipIt_AnswersAsTheNetworkWithoutFaults()
    {
        // Arrange: the collection is scanned before the first unit reading it; outside Oslo no unit reads it.
        var engine = Scenario.Compile(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                s.Segment("oslo-buyer").When(s.Where(p => p.City == "Oslo")).And(facts.Count().InLast(30).AtLeast(1));
                s.Segment("oslo-spender").When(s.Where(p => p.City == "Oslo")).And(facts.Sum(f => f.Amount).InLast(30).AtLeast(100));
            },
            new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
        var rome = new Person { City = "Rome", Facts = null };
        var oslo = new Person { City = "Oslo", Facts = [new Fact(Scenario.DaysAgo(1), 150m)] };

        // Act
        var romeResult = engine.Evaluate(rome, Scenario.AsOf);
        var osloResult = engine.Evaluate(oslo, Scenario.AsOf);

        // Assert
        engine.Tier.ChunkCount.Should().Be(1);
        romeResult.Faults.Should().BeEmpty("no segment needed the facts");
        romeResult.StateOf("oslo-buyer").Should().Be(SegmentState.Out);
        romeResult.StateOf("oslo-spender").Should().Be(SegmentState.Out);
        osloResult.StateOf("oslo-buyer").Should().Be(SegmentState.In);
        osloResult.StateOf("oslo-spender").Should().Be(SegmentState.In);
        engine.Tier.Fallbacks.Should().Be(1, "generated code scanned the null collection ahead and handed the profile to the network");
    }

    private static int? OsloScore(Person person) =>
        person.City == "Oslo" ? person.Nps : throw new InvalidOperationException("No score outside Oslo.");

    private static string[] Memberships(SegmentEngine<Customer> engine, Customer[] customers)
    {
        var buffer = new SegmentState[engine.MembershipIds.Count];
        return [.. customers.Select(c =>
        {
            engine.Evaluate(c, Workload.AsOf, buffer);
            return string.Join(",", buffer.Select(s => (int)s));
        })];
    }

    /// <summary>Selectors that count how often generated code calls them.</summary>
    private sealed class Probe
    {
        public int NpsReads { get; private set; }

        public int CityReads { get; private set; }

        public int? Nps(Person person)
        {
            NpsReads++;
            return person.Nps;
        }

        public string? City(Person person)
        {
            CityReads++;
            return person.City;
        }
    }
}
