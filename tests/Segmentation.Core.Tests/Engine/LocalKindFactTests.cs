using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Facts dated with local-kind <see cref="DateTime"/>s are converted to UTC in every tier. The generated loop of a
/// collection has no conversion in it: on a local-kind date it leaves for the general loop (generated then, on first
/// need), which starts the pass over, so the results (buffered parts included) are those of the interpreted scan, whatever the mix of kinds and order.
/// </summary>
[Collection(nameof(LocalTimeZoneCollection))]
public sealed class LocalKindFactTests
{
    private static readonly SegmentCatalog<Person> Catalog = SegmentCatalog.Create<Person>(
        s =>
        {
            var facts = s.Dated(p => p.Facts, f => f.At);
            foreach (var days in new[] { 1, 7, 30 })
            {
                s.Segment($"count-{days}").When(facts.Count().InLast(days).AtLeast(2));
                s.Segment($"sum-{days}").When(facts.Sum(f => f.Amount, f => f.Kind == "a").InLast(days).AtLeast(3));
                s.Segment($"days-{days}").When(facts.DistinctDays().InLast(days).AtLeast(2));
                s.Segment($"median-{days}").When(facts.Median(f => f.Amount).InLast(days).AtLeast(2));
            }

            s.Segment("ever").When(facts.Count().Ever().AtLeast(4));
        },
        "local-kind");

    [Fact]
    public void GeneratedLoops_LocalKindDatesUnderUtcPlusNine_AgreeWithTheInterpretedScan()
    {
        LocalZone.PlusNine(() =>
        {
            // Arrange: instants on and around window edges, each written as UTC, as local time (the same instant) or
            // unspecified (taken as UTC: nine hours later than the local reading of the same clock time).
            var hours = new[] { 0.0, 1, 8.99, 9, 9.01, 23.99, 24, 24.01, 167.99, 168, 168.01, 719.99, 720, 720.01, 2000, -1 };
            var random = new Random(11);
            var people = Enumerable.Range(0, 400)
                .Select(_ => Scenario.With([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => Fact(random, hours))]))
                .ToArray();
            var interpreted = SegmentEngine.Compile(Catalog, new SegmentEngineOptions { PreferInterpretation = true, CodeGeneration = CodeGeneration.Disabled });
            var generated = SegmentEngine.Compile(Catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn });
            var utcOnly = people.First(p => p.Facts!.Count > 0 && p.Facts.All(f => f.At.Kind != DateTimeKind.Local));
            generated.Evaluate(utcOnly, Scenario.AsOf);
            generated.Tier.Network.Collections.Should().OnlyContain(c => !c.HasGeneralLoop, "no profile has needed the general loop yet");

            // Act: every profile twice, in two orders, so the generated loops run after profiles of every kind.
            var expected = people.Select(p => interpreted.Evaluate(p, Scenario.AsOf)).ToArray();
            var forward = people.Select(p => generated.Evaluate(p, Scenario.AsOf)).ToArray();
            var backward = people.Reverse().Select(p => generated.Evaluate(p, Scenario.AsOf)).Reverse().ToArray();

            // Assert
            generated.RunsGeneratedCode.Should().BeTrue();
            generated.Tier.Network.Collections.Should().OnlyContain(c => c.HasGeneralLoop, "local-kind dates made the fast loop leave");
            people.Should().Contain(p => p.Facts!.Any(f => f.At.Kind == DateTimeKind.Local) && p.Facts!.Any(f => f.At.Kind != DateTimeKind.Local));
            for (var i = 0; i < people.Length; i++)
            {
                foreach (var id in interpreted.MembershipIds)
                {
                    forward[i].StateOf(id).Should().Be(expected[i].StateOf(id), $"{id} for person {i}");
                    backward[i].StateOf(id).Should().Be(expected[i].StateOf(id), $"{id} for person {i} (reverse order)");
                }
            }

            expected.Should().Contain(r => r.IsIn("count-1")).And.Contain(r => !r.IsIn("count-1"));
            expected.Should().Contain(r => r.IsIn("days-7")).And.Contain(r => r.IsIn("median-30"));
        });
    }

    [Fact]
    public void GeneratedLoops_LocalKindDate_CountsItsUtcInstant()
    {
        LocalZone.PlusNine(() =>
        {
            // 08:00 local on 1 November is 23:00 UTC on 31 October: inside the last day as of midnight UTC. Read as
            // UTC, the same clock time would be after as-of and invisible.
            var local = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Local);
            var person = Scenario.With(new Fact(local), new Fact(Scenario.DaysAgo(0.5)));
            var engine = SegmentEngine.Compile(Catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn });

            var result = engine.Evaluate(person, Scenario.AsOf);

            result.IsIn("count-1").Should().BeTrue();
            engine.Evaluate(Scenario.With(new Fact(DateTime.SpecifyKind(local, DateTimeKind.Utc)), new Fact(Scenario.DaysAgo(0.5))), Scenario.AsOf)
                .IsIn("count-1").Should().BeFalse("08:00 UTC on 1 November is after as-of");
        });
    }

    private static Fact Fact(Random random, double[] hours)
    {
        var utc = Scenario.AsOfUtc.AddHours(-hours[random.Next(hours.Length)]);
        var at = random.Next(3) switch
        {
            0 => utc,
            1 => utc.ToLocalTime(),
            _ => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified),
        };
        return new Fact(at, random.Next(0, 4), random.Next(2) == 0 ? "a" : "b");
    }
}
