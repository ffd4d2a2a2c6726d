using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.Core.Rules;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;
using static Segmentation.Core.Tests.Support.LocalZone;

namespace Segmentation.Core.Tests.Engine;

/// <summary>Tests that change the process's local time zone run alone, after every parallel test.</summary>
[CollectionDefinition(nameof(LocalTimeZoneCollection), DisableParallelization = true)]
public sealed class LocalTimeZoneCollection;

/// <summary>
/// A <see cref="DateTime"/> as-of means the same instant on every server: UTC and unspecified values are UTC, local values
/// are converted. Each test runs with the process's local zone set to UTC+9 (a fixed-offset zone file written by the test,
/// so no tzdata is needed), where the implicit <see cref="DateTime"/> to <see cref="DateTimeOffset"/> conversion would
/// move midnight nine hours back.
/// </summary>
[Collection(nameof(LocalTimeZoneCollection))]
public sealed class DateTimeAsOfTests
{
    private static readonly SegmentEngine<Person> Engine = Scenario.Compile(s =>
    {
        var facts = s.Dated(p => p.Facts, f => f.At);
        s.Segment("bought").When(facts.Any().Ever());
    });

    [Fact]
    public void Evaluate_UnspecifiedDateTimeUnderUtcPlusNine_IsTakenAsUtc()
    {
        LocalZone.PlusNine(() =>
        {
            ((DateTimeOffset)Midnight).Offset.Should().Be(TimeSpan.FromHours(9), "the test runs in a UTC+9 zone");
            Engine.Evaluate(Buyer, (DateTimeOffset)Midnight).IsIn("bought").Should().BeFalse("the implicit conversion reads local time");

            var result = Engine.Evaluate(Buyer, Midnight);

            result.AsOf.Should().Be(MidnightUtc);
            result.IsIn("bought").Should().BeTrue();
            Engine.Evaluate(Buyer, DateTime.SpecifyKind(Midnight, DateTimeKind.Utc)).IsIn("bought").Should().BeTrue();
        });
    }

    [Fact]
    public void Evaluate_LocalDateTimeUnderUtcPlusNine_IsConvertedToUtc()
    {
        LocalZone.PlusNine(() =>
        {
            var nineInTheMorning = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Local);

            var result = Engine.Evaluate(Buyer, nineInTheMorning);

            result.AsOf.Should().Be(MidnightUtc);
            result.IsIn("bought").Should().BeTrue();
            Engine.Evaluate(Buyer, new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Local)).IsIn("bought").Should().BeFalse("02:00 in Tokyo is 17:00 UTC, before the purchase");
        });
    }

    [Fact]
    public void EveryDateTimeOverload_UnderUtcPlusNine_AppliesTheUtcRule()
    {
        LocalZone.PlusNine(() =>
        {
            var states = new SegmentState[1];
            Engine.Evaluate(Buyer, Midnight, states).Should().BeTrue();
            states[0].Should().Be(SegmentState.In);

            Engine.Explain(Buyer, "bought", Midnight).ToString().Should().Be("bought: yes" + Environment.NewLine + "  count(facts) ever = 1, needs >= 1: yes");

            Engine.EvaluateBatch([Buyer, Buyer], Midnight).Should().AllSatisfy(r => r.IsIn("bought").Should().BeTrue());
            var matrix = new SegmentState[2];
            Engine.EvaluateBatch(new[] { Buyer, Buyer }, Midnight, matrix).Should().Be(0);
            matrix.Should().Equal(SegmentState.In, SegmentState.In);
            Engine.EvaluateBatch(new ReadOnlySpan<Person>([Buyer]), Midnight, matrix.AsSpan(0, 1)).Should().Be(0);

            var notYet = Scenario.With(new Fact(new DateTime(2026, 11, 1, 6, 0, 0, DateTimeKind.Utc)));
            Engine.ValidUntil(notYet, Midnight).AsOf.Should().Be(MidnightUtc);
            Engine.ValidUntil(notYet, "bought", Midnight).ValidUntil.Should().Be(MidnightUtc.AddHours(6));
            AsOfTime.From(Midnight).Should().Be(MidnightUtc);
        });
    }

    [Fact]
    public void BatchRunner_DateTimeOverloadsUnderUtcPlusNine_ApplyTheUtcRule()
    {
        LocalZone.PlusNine(() =>
        {
            var runner = new BatchRunner<Person>(Engine);
            runner.Evaluate([Buyer], (DateTimeOffset)Midnight).Single().IsIn("bought").Should().BeFalse("the implicit conversion reads local time");

            runner.Evaluate([Buyer], Midnight).Single().IsIn("bought").Should().BeTrue();
            var matrix = new SegmentState[1];
            runner.Evaluate(new[] { Buyer }, Midnight, matrix).Should().Be(0);
            matrix[0].Should().Be(SegmentState.In);
            matrix[0] = SegmentState.Out;
            runner.Evaluate(new ReadOnlySpan<Person>([Buyer]), Midnight, matrix).Should().Be(0);
            matrix[0].Should().Be(SegmentState.In);
            runner.RunAsync([Buyer], Midnight).GetAwaiter().GetResult().SegmentCounts["bought"].Should().Be(1);
            runner.RunAsync(Stream(Buyer), Midnight).GetAwaiter().GetResult().AsOf.Should().Be(MidnightUtc);
            Collect(runner.Run([Buyer], Midnight)).Should().ContainSingle().Which.Result.IsIn("bought").Should().BeTrue();
            Collect(runner.Run(Stream(Buyer), Midnight)).Should().ContainSingle().Which.Result.AsOf.Should().Be(MidnightUtc);
        });
    }

    [Fact]
    public void MembershipTrackerAndValidityAnalyzer_DateTimeOverloadsUnderUtcPlusNine_ApplyTheUtcRule()
    {
        LocalZone.PlusNine(() =>
        {
            var engine = Scenario.Compile(s =>
            {
                s.IdentifiedBy(p => p.Id);
                s.Segment("bought").When(s.Dated(p => p.Facts, f => f.At).Any().Ever());
            });
            var tracker = new MembershipTracker<Person>(engine, new InMemoryMembershipStore());

            tracker.TrackAsync(Buyer, Midnight).AsTask().GetAwaiter().GetResult().Result.IsIn("bought").Should().BeTrue();
            var second = new Person { Id = "p2", Facts = Buyer.Facts };
            tracker.TrackManyAsync([second], Midnight).AsTask().GetAwaiter().GetResult().Single().Result.AsOf.Should().Be(MidnightUtc);
            tracker.TrackRunAsync("run-1", [Buyer], Midnight).AsTask().GetAwaiter().GetResult().AsOf.Should().Be(MidnightUtc);
            tracker.TrackRunAsync("run-2", Stream(Buyer), Midnight).AsTask().GetAwaiter().GetResult().AsOf.Should().Be(MidnightUtc);

            var notYet = Scenario.With(new Fact(new DateTime(2026, 11, 1, 6, 0, 0, DateTimeKind.Utc)));
            var analyzer = ValidityAnalyzer<Person>.For(engine);
            analyzer.ValidUntil(notYet, Midnight).AsOf.Should().Be(MidnightUtc);
            analyzer.ValidUntil(notYet, "bought", Midnight).ValidUntil.Should().Be(MidnightUtc.AddHours(6));
        });
    }

    private static async IAsyncEnumerable<Person> Stream(Person person)
    {
        await Task.Yield();
        yield return person;
    }

    private static List<BatchItem> Collect(BatchRun run) => run.ToBlockingEnumerable().ToList();

    [Fact]
    public void InterfaceDefaults_AnotherImplementation_GetsTheDateTimeOverloadsWithTheUtcRule()
    {
        LocalZone.PlusNine(() =>
        {
            var other = new RecordingEngine(Engine);
            ISegmentEngine<Person> engine = other;

            engine.Evaluate(Buyer, Midnight).IsIn("bought").Should().BeTrue();
            engine.Evaluate(Buyer, Midnight, new SegmentState[1]).Should().BeTrue();
            engine.Explain(Buyer, "bought", Midnight).Outcome.Should().Be(ExplanationOutcome.Yes);
            other.AsOfs.Should().Equal(MidnightUtc, MidnightUtc, MidnightUtc);

            ISegmentEngine<Person> native = Engine;
            native.Evaluate(Buyer, Midnight).AsOf.Should().Be(MidnightUtc);
        });
    }

    /// <summary>Another implementation that only implements the <see cref="DateTimeOffset"/> members.</summary>
    private sealed class RecordingEngine(SegmentEngine<Person> inner) : ISegmentEngine<Person>
    {
        public List<DateTimeOffset> AsOfs { get; } = [];

        public RuleSet<Person> RuleSet => inner.RuleSet;

        public IReadOnlyList<string> MembershipIds => inner.MembershipIds;

        public IReadOnlyList<string> ScoreIds => inner.ScoreIds;

        public int IndexOf(string segmentId) => inner.IndexOf(segmentId);

        public SegmentationResult Evaluate(Person profile) => inner.Evaluate(profile);

        public SegmentationResult Evaluate(Person profile, DateTimeOffset asOf)
        {
            AsOfs.Add(asOf);
            return inner.Evaluate(profile, asOf);
        }

        public bool Evaluate(Person profile, DateTimeOffset asOf, Span<SegmentState> memberships, Span<decimal> scores = default)
        {
            AsOfs.Add(asOf);
            return inner.Evaluate(profile, asOf, memberships, scores);
        }

        public Explanation Explain(Person profile, string segmentId) => inner.Explain(profile, segmentId);

        public Explanation Explain(Person profile, string segmentId, DateTimeOffset asOf)
        {
            AsOfs.Add(asOf);
            return inner.Explain(profile, segmentId, asOf);
        }
    }
}
