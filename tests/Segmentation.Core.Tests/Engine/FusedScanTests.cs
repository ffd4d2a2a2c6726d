using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// The generated single-pass loop over a collection: windows ending at as-of nested widest first, accumulators of one
/// window and filter sharing a count, window bounds computed once. It must answer exactly as the interpreted scan.
/// </summary>
public sealed class FusedScanTests
{
    [Fact]
    public void FusedLoop_SharedCountsAndNestedWindows_AgreeWithTheInterpretedScan()
    {
        // Arrange: per window, a count, a sum and a maximum with one filter (one shared count), another filter, no
        // filter; nested windows, a window not ending at as-of and "ever".
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                foreach (var days in new[] { 7, 30, 90 })
                {
                    s.Segment($"a-count-{days}").When(facts.Count(f => f.Kind == "a").InLast(days).AtLeast(2));
                    s.Segment($"a-sum-{days}").When(facts.Sum(f => f.Amount, f => f.Kind == "a").InLast(days).AtLeast(10));
                    s.Segment($"a-max-{days}").When(facts.Max(f => f.Amount, f => f.Kind == "a").InLast(days).AtLeast(6));
                    s.Segment($"b-count-{days}").When(facts.Count(f => f.Kind == "b").InLast(days).AtLeast(1));
                    s.Segment($"all-sum-{days}").When(facts.Sum(f => f.Amount).InLast(days).AtMost(12));
                }

                s.Segment("a-between").When(facts.Count(f => f.Kind == "a").BetweenDaysAgo(7, 30).AtLeast(1));
                s.Segment("ever-count").When(facts.Count().Ever().AtLeast(3));
            },
            "fused");
        var days = new[] { 0, 0.5, 6.99, 7, 7.01, 29.99, 30, 30.01, 89.99, 90, 90.01, 400, -1 };
        var random = new Random(5);
        var people = Enumerable.Range(0, 300)
            .Select(_ => Scenario.With([.. Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => new Fact(Scenario.DaysAgo(days[random.Next(days.Length)]), random.Next(0, 9), random.Next(3) switch { 0 => "a", 1 => "b", _ => "c" }))]))
            .ToArray();
        // Act and assert: generated code agrees with the interpreted scan on every person
        var expected = AgreeWithInterpretedScan(catalog, people);

        // Assert: the cases the people cover
        expected.Should().Contain(r => r.StateOf("a-count-30") == SegmentState.In).And.Contain(r => r.StateOf("a-count-30") == SegmentState.Out);
        expected.Should().Contain(r => r.StateOf("a-max-7") == SegmentState.In);
        expected.Should().Contain(r => r.StateOf("a-between") == SegmentState.In);
    }
    [Fact]
    public void FusedLoop_SumsOfMixedScalesSignsAndMagnitudes_AgreeWithTheInterpretedScan()
    {
        // Arrange: amounts the call-free sum adds (mixed scales), and those it leaves for the general loop with
        // (negative, negative zero, beyond 64 bits, a sum that overflows decimal itself and faults the aggregate).
        var amounts = new[] { 0m, 0.00m, -0.00m, 1m, 1.5m, 2.25m, 0.001m, 3.10m, -1m, -2.5m, 1e18m, 18446744073709551615m, 7.9e28m };
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                foreach (var (threshold, i) in new[] { 0m, 1m, 2.5m, 3.75m, 1e18m, 1e19m, 5e28m }.Select((t, i) => (t, i)))
                {
                    s.Segment($"sum-7-{i}").When(facts.Sum(f => f.Amount).InLast(7).AtLeast(threshold));
                    s.Segment($"sum-90-a-{i}").When(facts.Sum(f => f.Amount, f => f.Kind == "a").InLast(90).AtLeast(threshold));
                    s.Segment($"sum-ever-{i}").When(facts.Sum(f => f.Amount).Ever().AtMost(threshold));
                }
            },
            "fused-sums");
        var random = new Random(8);
        var people = Enumerable.Range(0, 500)
            .Select(_ => Scenario.With([.. Enumerable.Range(0, random.Next(0, 7)).Select(_ => new Fact(
                Scenario.DaysAgo(random.Next(0, 120)),
                random.Next(4) == 0 ? amounts[random.Next(amounts.Length)] : amounts[random.Next(3, 8)],
                random.Next(2) == 0 ? "a" : "b"))]))
            .ToArray();
        // Act and assert: generated code agrees with the interpreted scan on every person
        var expected = AgreeWithInterpretedScan(catalog, people);

        // Assert: the cases the people cover
        expected.Should().Contain(r => r.StateOf("sum-ever-6") == SegmentState.Faulted, "a sum beyond decimal's range faults");
        expected.Should().Contain(r => r.IsIn("sum-7-2")).And.Contain(r => !r.IsIn("sum-7-2") && r.StateOf("sum-7-2") != SegmentState.Faulted);
        expected.Should().Contain(r => r.IsIn("sum-90-a-4"));
    }
    [Fact]
    public void FusedLoop_FiltersThatExcludeEachOther_AgreeWithTheInterpretedScan()
    {
        // Arrange: kinds tested against different constants in nested windows and "ever" (chained as else-ifs), mixed
        // with filters that exclude nothing (an amount, no filter), a kind tested twice with one constant (not
        // exclusive), and lengths of the kind that throw on a null kind (the fault must come out the same).
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var facts = s.Dated(p => p.Facts, f => f.At);
                s.Segment("a-ever").When(facts.Any(f => f.Kind == "a").Ever());
                s.Segment("b-30").When(facts.Count(f => f.Kind == "b").InLast(30).AtLeast(2));
                s.Segment("c-30").When(facts.Sum(f => f.Amount, f => f.Kind == "c").InLast(30).AtLeast(5));
                s.Segment("d-7").When(facts.Any(f => f.Kind == "d").InLast(7));
                s.Segment("a-7").When(facts.Count(f => "a" == f.Kind).InLast(7).AtLeast(1));
                s.Segment("big-30").When(facts.Count(f => f.Amount >= 5).InLast(30).AtLeast(1));
                s.Segment("all-7").When(facts.Count().InLast(7).AtLeast(2));
                s.Segment("b-between").When(facts.Count(f => f.Kind == "b").BetweenDaysAgo(7, 90).AtLeast(1));
                s.Segment("short-90").When(facts.Count(f => f.Kind.Length == 1).InLast(90).AtLeast(2));
                s.Segment("long-90").When(facts.Count(f => f.Kind.Length == 2).InLast(90).AtLeast(1));
            },
            "fused-exclusive");
        var days = new[] { 0, 3, 6.99, 7, 7.01, 20, 29.99, 30, 30.01, 60, 90, 200, -1 };
        var kinds = new[] { "a", "b", "c", "d", "ab", "A" };
        var random = new Random(13);
        var people = Enumerable.Range(0, 400)
            .Select(_ => Scenario.With([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => new Fact(
                Scenario.DaysAgo(days[random.Next(days.Length)]),
                random.Next(0, 9),
                random.Next(40) == 0 ? null! : kinds[random.Next(kinds.Length)]))]))
            .ToArray();
        // Act and assert: generated code agrees with the interpreted scan on every person
        var expected = AgreeWithInterpretedScan(catalog, people);

        // Assert: the cases the people cover
        foreach (var id in new[] { "a-ever", "b-30", "c-30", "d-7", "a-7", "big-30", "all-7", "b-between", "long-90" })
        {
            expected.Should().Contain(r => r.IsIn(id), id).And.Contain(r => r.StateOf(id) == SegmentState.Out, id);
        }

        expected.Should().Contain(r => r.StateOf("short-90") == SegmentState.Faulted, "a null kind has no length");
    }

    /// <summary>Evaluates every person on the interpreted scan and on generated code, asserts they agree, and returns the interpreted results.</summary>
    private static SegmentationResult[] AgreeWithInterpretedScan(SegmentCatalog<Person> catalog, Person[] people)
    {
        var interpreted = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = true, CodeGeneration = CodeGeneration.Disabled });
        var generated = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
        var tiered = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process });
        var expected = people.Select(p => interpreted.Evaluate(p, Scenario.AsOf)).ToArray();

        generated.RunsGeneratedCode.Should().BeTrue();
        generated.Tier.Network.Collections.Should().OnlyContain(c => !c.HasPendingCode && !c.HasTieredLoop, "the loops are generated as dynamic methods");
        tiered.Tier.Network.Collections.Should().OnlyContain(c => !c.HasPendingCode && c.HasTieredLoop, "the loops are emitted into the tiered assembly");
        foreach (var engine in new[] { generated, tiered })
        {
            var actual = people.Select(p => engine.Evaluate(p, Scenario.AsOf)).ToArray();
            for (var i = 0; i < people.Length; i++)
            {
                foreach (var id in interpreted.MembershipIds)
                {
                    actual[i].StateOf(id).Should().Be(expected[i].StateOf(id), $"{id} for person {i}");
                }
            }
        }

        return expected;
    }
}
