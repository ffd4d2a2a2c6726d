using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class WindowSemanticsTests
{
    private static readonly long Day = TimeSpan.TicksPerDay;

    public static TheoryData<string, long, bool> Edges => new()
    {
        // window, fact ticks relative to as-of, inside?
        { "last90", -90 * Day, false },
        { "last90", (-90 * Day) + 1, true },
        { "last90", (-90 * Day) - 1, false },
        { "last90", 0, true },
        { "last90", 1, false },
        { "between30-90", -30 * Day, true },
        { "between30-90", (-30 * Day) + 1, false },
        { "between30-90", (-30 * Day) - 1, true },
        { "between30-90", -90 * Day, false },
        { "between30-90", (-90 * Day) + 1, true },
        { "between30-90", (-90 * Day) - 1, false },
        { "olderThan30", -30 * Day, true },
        { "olderThan30", (-30 * Day) + 1, false },
        { "olderThan30", (-30 * Day) - 1, true },
        { "olderThan30", -3650 * Day, true },
        { "olderThan30", 1, false },
        { "ever", -3650 * Day, true },
        { "ever", 0, true },
        { "ever", 1, false },
        { "ever", 365 * Day, false },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Evaluate_FactOnWindowEdge_CountsOnlyInsideFacts(string window, long offsetTicks, bool inside)
    {
        // Arrange
        var person = With(new Fact(AsOfUtc.AddTicks(offsetTicks)));

        // Act
        var counted = Holds(person, (_, f) => window switch
        {
            "last90" => f.Count().InLast(90).EqualTo(1),
            "between30-90" => f.Count().BetweenDaysAgo(30, 90).EqualTo(1),
            "olderThan30" => f.Count().OlderThan(30).EqualTo(1),
            _ => f.Count().Ever().EqualTo(1),
        });
        var any = Holds(person, (_, f) => window switch
        {
            "last90" => f.Any().InLast(90),
            "between30-90" => f.Any().BetweenDaysAgo(30, 90),
            "olderThan30" => f.Any().OlderThan(30),
            _ => f.Any().Ever(),
        });
        var none = Holds(person, (_, f) => window switch
        {
            "last90" => f.None().InLast(90),
            "between30-90" => f.None().BetweenDaysAgo(30, 90),
            "olderThan30" => f.None().OlderThan(30),
            _ => f.None().Ever(),
        });

        // Assert
        counted.Should().Be(inside);
        any.Should().Be(inside);
        none.Should().Be(!inside);
    }

    [Fact]
    public void Evaluate_InLastTimeSpan_UsesSameHalfOpenInterval()
    {
        var inside = With(new Fact(AsOfUtc.AddHours(-6).AddTicks(1)));
        var outside = With(new Fact(AsOfUtc.AddHours(-6)));

        Holds(inside, (_, f) => f.Any().InLast(TimeSpan.FromHours(6))).Should().BeTrue();
        Holds(outside, (_, f) => f.Any().InLast(TimeSpan.FromHours(6))).Should().BeFalse();
    }

    private static Person Mixed() => With(
        new Fact(DaysAgo(90), 1000m, "a"),
        new Fact(DaysAgo(89), 10m, "a"),
        new Fact(DaysAgo(10), 30m, "b"),
        new Fact(DaysAgo(10).AddHours(1), 20m, "a"),
        new Fact(AsOfUtc, 60m, "a"),
        new Fact(AsOfUtc.AddTicks(1), 5000m, "a"));

    [Fact]
    public void Evaluate_AggregatesInLast90_SeeOnlyFactsInsideWindow()
    {
        var person = Mixed();

        Holds(person, (_, f) => f.Count().InLast(90).EqualTo(4)).Should().BeTrue();
        Holds(person, (_, f) => f.Sum(x => x.Amount).InLast(90).EqualTo(120m)).Should().BeTrue();
        Holds(person, (_, f) => f.Average(x => x.Amount).InLast(90).EqualTo(30m)).Should().BeTrue();
        Holds(person, (_, f) => f.Min(x => x.Amount).InLast(90).EqualTo(10m)).Should().BeTrue();
        Holds(person, (_, f) => f.Max(x => x.Amount).InLast(90).EqualTo(60m)).Should().BeTrue();
        Holds(person, (_, f) => f.DaysSinceLast().InLast(90).EqualTo(0)).Should().BeTrue();
        Holds(person, (_, f) => f.DaysSinceFirst().InLast(90).EqualTo(89)).Should().BeTrue();
        Holds(person, (_, f) => f.DistinctDays().InLast(90).EqualTo(3)).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_AggregatesWithFilter_SeeOnlyMatchingFacts()
    {
        var person = Mixed();

        Holds(person, (_, f) => f.Count(x => x.Kind == "a").InLast(90).EqualTo(3)).Should().BeTrue();
        Holds(person, (_, f) => f.Sum(x => x.Amount, x => x.Kind == "a").InLast(90).EqualTo(90m)).Should().BeTrue();
        Holds(person, (_, f) => f.Average(x => x.Amount, x => x.Kind == "a").InLast(90).EqualTo(30m)).Should().BeTrue();
        Holds(person, (_, f) => f.Min(x => x.Amount, x => x.Kind == "b").InLast(90).EqualTo(30m)).Should().BeTrue();
        Holds(person, (_, f) => f.Max(x => x.Amount, x => x.Kind == "b").InLast(90).EqualTo(30m)).Should().BeTrue();
        Holds(person, (_, f) => f.DaysSinceLast(x => x.Kind == "b").InLast(90).EqualTo(10)).Should().BeTrue();
        Holds(person, (_, f) => f.DaysSinceFirst(x => x.Kind == "b").InLast(90).EqualTo(10)).Should().BeTrue();
        Holds(person, (_, f) => f.DistinctDays(x => x.Kind == "b").InLast(90).EqualTo(1)).Should().BeTrue();
        Holds(person, (_, f) => f.Any(x => x.Kind == "c").InLast(90)).Should().BeFalse();
        Holds(person, (_, f) => f.None(x => x.Kind == "c").InLast(90)).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_AggregatesEver_IgnoreFactsAfterAsOf()
    {
        var person = Mixed();

        Holds(person, (_, f) => f.Count().Ever().EqualTo(5)).Should().BeTrue();
        Holds(person, (_, f) => f.Sum(x => x.Amount).Ever().EqualTo(1120m)).Should().BeTrue();
        Holds(person, (_, f) => f.Max(x => x.Amount).Ever().EqualTo(1000m)).Should().BeTrue();
        Holds(person, (_, f) => f.DaysSinceFirst().Ever().EqualTo(90)).Should().BeTrue();
        Holds(person, (_, f) => f.DaysSinceLast().Ever().EqualTo(0)).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_OnlyFutureFacts_EverIsEmpty()
    {
        var person = With(new Fact(AsOfUtc.AddTicks(1), 50m), new Fact(AsOfUtc.AddDays(30), 70m));

        Holds(person, (_, f) => f.Any().Ever()).Should().BeFalse();
        Holds(person, (_, f) => f.None().Ever()).Should().BeTrue();
        Holds(person, (_, f) => f.Count().Ever().EqualTo(0)).Should().BeTrue();
        Holds(person, (_, f) => HasValue(f.Max(x => x.Amount).Ever())).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_BetweenAndOlderThan_ComputeOverTheirWindows()
    {
        var person = Mixed();

        Holds(person, (_, f) => f.Sum(x => x.Amount).BetweenDaysAgo(10, 90).EqualTo(40m)).Should().BeTrue();
        Holds(person, (_, f) => f.Sum(x => x.Amount).OlderThan(10).EqualTo(1040m)).Should().BeTrue();
        Holds(person, (_, f) => f.DaysSinceLast().OlderThan(11).EqualTo(89)).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_NoFacts_CountSumDistinctDaysAreZero()
    {
        var person = With();

        Holds(person, (_, f) => f.Count().InLast(30).EqualTo(0)).Should().BeTrue();
        Holds(person, (_, f) => f.Sum(x => x.Amount).InLast(30).EqualTo(0)).Should().BeTrue();
        Holds(person, (_, f) => f.DistinctDays().InLast(30).EqualTo(0)).Should().BeTrue();
        Holds(person, (_, f) => f.None().Ever()).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_NoFacts_AverageMinMaxDaysSinceHaveNoValue()
    {
        var person = With(new Fact(DaysAgo(400)));

        Holds(person, (_, f) => HasValue(f.Average(x => x.Amount).InLast(30))).Should().BeFalse();
        Holds(person, (_, f) => HasValue(f.Min(x => x.Amount).InLast(30))).Should().BeFalse();
        Holds(person, (_, f) => HasValue(f.Max(x => x.Amount).InLast(30))).Should().BeFalse();
        Holds(person, (_, f) => HasValue(f.DaysSinceLast().InLast(30))).Should().BeFalse();
        Holds(person, (_, f) => HasValue(f.DaysSinceFirst().InLast(30))).Should().BeFalse();
        Holds(person, (_, f) => f.DaysSinceLast().InLast(30).LessThan(1000) | f.DaysSinceLast().InLast(30).GreaterThan(0)).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_NoValueUnderNot_IsTrue()
    {
        var person = With();

        Holds(person, (_, f) => !f.Max(x => x.Amount).Ever().AtLeast(100)).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_DaysSinceLast_IsFractional()
    {
        var person = With(new Fact(AsOfUtc.AddHours(-36)));

        Holds(person, (_, f) => f.DaysSinceLast().Ever().EqualTo(1.5m)).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_DistinctDays_CountsUtcCalendarDays()
    {
        var person = With(
            new Fact(new DateTime(2026, 10, 30, 23, 59, 59, DateTimeKind.Utc)),
            new Fact(new DateTime(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc)),
            new Fact(new DateTime(2026, 10, 31, 23, 0, 0, DateTimeKind.Utc)));

        Holds(person, (_, f) => f.DistinctDays().InLast(7).EqualTo(2)).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_DateTimeOffsetCollection_ComparesUtcInstants()
    {
        // Arrange: 02:00 at +02:00 is exactly the as-of instant; 19:00 at -05:00 on Oct 25 is exactly 7 days before it.
        var plus2 = TimeSpan.FromHours(2);
        var person = new Person
        {
            Visits =
            [
                new Visit(new DateTimeOffset(2026, 11, 1, 2, 0, 0, plus2), "at-as-of"),
                new Visit(new DateTimeOffset(2026, 11, 1, 2, 0, 0, plus2).AddTicks(1), "future"),
                new Visit(new DateTimeOffset(2026, 10, 24, 19, 0, 0, TimeSpan.FromHours(-5)), "seven-days"),
            ],
        };
        var engine = Compile(s =>
        {
            var visits = s.Dated(p => p.Visits, v => v.At);
            s.Segment("two-ever").When(visits.Count().Ever().EqualTo(2));
            s.Segment("one-in-7").When(visits.Count().InLast(7).EqualTo(1));
            s.Segment("now").When(visits.Any(v => v.Page == "at-as-of").InLast(TimeSpan.FromTicks(1)));
        });

        // Act
        var result = engine.Evaluate(person, AsOf);

        // Assert
        result.Segments.Should().Equal("two-ever", "one-in-7", "now");
    }

    [Fact]
    public void Evaluate_LocalDateTime_IsConvertedToUtc()
    {
        var atAsOf = AsOfUtc.ToLocalTime();
        var future = atAsOf.AddTicks(1);
        atAsOf.Kind.Should().Be(DateTimeKind.Local);

        Holds(With(new Fact(atAsOf)), (_, f) => f.Any().InLast(1)).Should().BeTrue();
        Holds(With(new Fact(future)), (_, f) => f.Any().Ever()).Should().BeFalse();
        Holds(With(new Fact(AsOfUtc.AddDays(-1).ToLocalTime())), (_, f) => f.Any().InLast(1)).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_UnspecifiedDateTime_IsTakenAsUtc()
    {
        var unspecified = DateTime.SpecifyKind(AsOfUtc, DateTimeKind.Unspecified);

        Holds(With(new Fact(unspecified)), (_, f) => f.Any().InLast(1)).Should().BeTrue();
        Holds(With(new Fact(unspecified.AddTicks(1))), (_, f) => f.Any().Ever()).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_AsOfWithOffset_UsesTheSameInstant()
    {
        var person = With(new Fact(AsOfUtc));
        var sameInstant = AsOf.ToOffset(TimeSpan.FromHours(-8));

        Holds(person, (_, f) => f.Any().InLast(1), sameInstant).Should().BeTrue();
        Holds(person, (_, f) => f.Any().Ever(), sameInstant.AddTicks(-1)).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_AsOfPastDate_ReplaysHistory()
    {
        // Arrange
        var person = With(new Fact(DaysAgo(100), 500m), new Fact(DaysAgo(40), 700m), new Fact(DaysAgo(5), 900m));
        var engine = Compile(s =>
        {
            var f = s.Dated(p => p.Facts, x => x.At);
            s.Segment("recent").When(f.Any().InLast(30));
            s.Segment("big-spender").When(f.Sum(x => x.Amount).Ever().AtLeast(1000));
            s.Segment("lapsed").When(f.Any().Ever()).And(f.None().InLast(30));
        });

        // Act
        var now = engine.Evaluate(person, AsOf);
        var then = engine.Evaluate(person, AsOf.AddDays(-30));
        var before = engine.Evaluate(person, AsOf.AddDays(-200));

        // Assert
        now.Segments.Should().Equal("recent", "big-spender");
        then.Segments.Should().Equal("recent", "big-spender");
        engine.Evaluate(person, AsOf.AddDays(-50)).Segments.Should().Equal("lapsed");
        before.Segments.Should().BeEmpty();
        then.AsOf.Should().Be(AsOf.AddDays(-30));
    }

    [Fact]
    public void Evaluate_PlainLambda_SeesFactsAfterAsOf()
    {
        // Arrange: documented behaviour — user lambdas read the profile as it is, unfiltered.
        var person = With(new Fact(DaysAgo(1)), new Fact(AsOfUtc.AddDays(1)));
        var engine = Compile(s =>
        {
            var f = s.Dated(p => p.Facts, x => x.At);
            s.Segment("lambda-two").When(p => p.Facts!.Count == 2);
            s.Segment("where-two").When(s.Where(p => p.Facts!.Count(x => x.At > AsOfUtc) == 1));
            s.Segment("dsl-two").When(f.Count().Ever().EqualTo(2));
        });

        // Act
        var result = engine.Evaluate(person, AsOf);

        // Assert
        result.Segments.Should().Equal("lambda-two", "where-two");
    }

    [Fact]
    public void Evaluate_AsOfLambda_ReceivesAsOfInstant()
    {
        var person = With(new Fact(DaysAgo(1)), new Fact(AsOfUtc.AddDays(1)));
        var engine = Compile(s => s.Segment("x").When(s.Where((p, asOf) => p.Facts!.Count(f => f.At <= asOf.UtcDateTime) == 1)));

        engine.Evaluate(person, AsOf).IsIn("x").Should().BeTrue();
        engine.Evaluate(person, AsOf.AddDays(2)).IsIn("x").Should().BeFalse();
    }

    [Fact]
    public void Evaluate_UnsortedAndEnumerableCollections_GiveSameAggregates()
    {
        // Arrange
        var facts = new[] { new Fact(DaysAgo(3), 5m), new Fact(DaysAgo(50), 7m), new Fact(DaysAgo(1), 11m) };
        var engine = Compile(s =>
        {
            var list = s.Dated(p => p.Facts, x => x.At, "list");
            var lazy = s.Dated(p => p.Facts!.Where(_ => true), x => x.At, "lazy");
            s.Segment("list").When(list.DaysSinceFirst().InLast(30).EqualTo(3)).And(list.Min(x => x.Amount).Ever().EqualTo(5m));
            s.Segment("lazy").When(lazy.DaysSinceFirst().InLast(30).EqualTo(3)).And(lazy.Min(x => x.Amount).Ever().EqualTo(5m));
        });

        // Act
        var result = engine.Evaluate(With(facts), AsOf);

        // Assert
        result.Segments.Should().Equal("list", "lazy");
    }
}
