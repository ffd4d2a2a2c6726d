using System.Linq.Expressions;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// The calendar measures at both ends of <see cref="DateTime"/>'s range: the next anniversary of an as-of late in
/// 9,999 is in year 10,000, which has no <see cref="DateTime"/>, and is counted all the same on every path.
/// </summary>
public sealed class AnniversaryRangeEndTests
{
    private static readonly Expression<Func<Person, DateTime>> BirthDate = p => p.BirthDate;

    /// <summary>
    /// Birth date, as-of and the days to the next anniversary. Year 10,000 is a leap year (divisible by 400) like 2000,
    /// so each count past the range is the one of the same days of 1999 and 2000.
    /// </summary>
    private static readonly (DateTime Birth, DateTimeOffset AsOf, int Days)[] Counts =
    [
        (Born(1990, 1, 1), Utc(9999, 12, 31), 1),
        (Born(1990, 1, 1), DateTimeOffset.MaxValue, 1),
        (Born(1990, 1, 1), Utc(9999, 1, 2), 364),
        (Born(1990, 1, 1), Utc(9999, 1, 1), 0),
        (Born(1990, 12, 31), Utc(9999, 12, 31), 0),
        (Born(1990, 12, 30), Utc(9999, 12, 31), 365),
        (Born(1990, 3, 1), Utc(9999, 3, 2), 365),
        (Born(2000, 2, 29), Utc(9999, 12, 31), 60),
        (Born(2000, 2, 29), Utc(9999, 3, 2), 364),
        (Born(2000, 2, 29), Utc(9999, 3, 1), 0),
        (Born(2000, 2, 29), Utc(9999, 2, 28), 1),
        (Born(2000, 2, 29), Utc(9996, 2, 28), 1),
        (Born(2000, 2, 29), Utc(9996, 2, 29), 0),
        (Born(2000, 2, 29), Utc(9996, 3, 1), 365),
        (Born(9996, 2, 29), Utc(9999, 3, 2), 364),
        (Born(1, 1, 1), DateTimeOffset.MinValue, 0),
        (Born(1990, 12, 31), DateTimeOffset.MinValue, 364),
        (Born(2000, 2, 29), DateTimeOffset.MinValue, 59),
        (Born(2000, 2, 29), Utc(1, 3, 2), 364),
    ];

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static DateTime Born(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, DateTime, DateTimeOffset, int> Cases()
    {
        var data = new TheoryData<string, DateTime, DateTimeOffset, int>();
        foreach (var tier in EngineTiers.All)
        {
            foreach (var (birth, asOf, days) in Counts)
            {
                data.Add(tier, birth, asOf, days);
            }
        }

        return data;
    }

    public static TheoryData<DateTime, DateTimeOffset, int> LeafCases()
    {
        var data = new TheoryData<DateTime, DateTimeOffset, int>();
        foreach (var (birth, asOf, days) in Counts)
        {
            data.Add(birth, asOf, days);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DaysUntilAnniversary_AtEitherEndOfTheRange_CountsTheDaysOnEveryTier(string tier, DateTime birth, DateTimeOffset asOf, int days)
    {
        // Arrange
        var engine = Scenario.Compile(
            s =>
            {
                var anniversary = s.Date(p => p.BirthDate);
                s.Segment("exact").When(anniversary.DaysUntilAnniversary.EqualTo(days));
                s.Segment("one-more").When(anniversary.DaysUntilAnniversary.EqualTo(days + 1));
                s.Segment("within").When(anniversary.AnniversaryWithin(days));
                s.Segment("sooner").When(anniversary.DaysUntilAnniversary.LessThan(days));
                s.Segment("month").When(anniversary.InAsOfMonth());
            },
            EngineTiers.Options(tier));

        // Act
        var result = engine.Evaluate(new Person { BirthDate = birth }, asOf);

        // Assert
        result.HasFaults.Should().BeFalse(result.ToString());
        result.IsIn("exact").Should().BeTrue();
        result.IsIn("one-more").Should().BeFalse();
        result.IsIn("within").Should().BeTrue();
        result.IsIn("sooner").Should().BeFalse();
        result.IsIn("month").Should().Be(birth.Month == asOf.UtcDateTime.Month);
    }

    [Theory]
    [MemberData(nameof(LeafCases))]
    public void CompileLeaf_DaysUntilAnniversaryAtEitherEndOfTheRange_DecidesWithoutThrowing(DateTime birth, DateTimeOffset asOf, int days)
    {
        var source = new DateSource(BirthDate, DateMeasure.DaysUntilAnniversary);
        var exact = ConditionSemantics.CompileLeaf<Person>(new ComparisonCondition(source, new Comparison(ComparisonOperator.EqualTo, days)));
        var sooner = ConditionSemantics.CompileLeaf<Person>(new ComparisonCondition(source, new Comparison(ComparisonOperator.LessThan, days)));
        var person = new Person { BirthDate = birth };

        exact(person, asOf).Should().BeTrue();
        sooner(person, asOf).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Age_AsOfAtEitherEndOfTheRange_MeasuresWithoutFaults(string tier)
    {
        var engine = Scenario.Compile(
            s =>
            {
                s.Segment("newborn").When(s.Age(p => p.BirthDate).EqualTo(0));
                s.Segment("unborn").When(s.Age(p => p.BirthDate).LessThan(0));
                s.Segment("old").When(s.Date(p => p.BirthDate).Years.AtLeast(8009));
                s.Segment("month-ahead").When(new Segmentation.Core.Dsl.Measure<Person>(new DateSource(BirthDate, DateMeasure.MonthsUntilAnniversaryMonth)).EqualTo(1));
            },
            EngineTiers.Options(tier));

        var atStart = engine.Evaluate(new Person { BirthDate = Born(1, 1, 1) }, DateTimeOffset.MinValue);
        var beforeBirth = engine.Evaluate(new Person { BirthDate = Born(1990, 2, 1) }, DateTimeOffset.MinValue);
        var atEnd = engine.Evaluate(new Person { BirthDate = Born(1990, 1, 1) }, DateTimeOffset.MaxValue);

        atStart.HasFaults.Should().BeFalse(atStart.ToString());
        atStart.IsIn("newborn").Should().BeTrue();
        beforeBirth.HasFaults.Should().BeFalse(beforeBirth.ToString());
        beforeBirth.IsIn("unborn").Should().BeTrue();
        beforeBirth.IsIn("month-ahead").Should().BeTrue();
        atEnd.HasFaults.Should().BeFalse(atEnd.ToString());
        atEnd.IsIn("old").Should().BeTrue();
        atEnd.IsIn("month-ahead").Should().BeTrue();
    }

    public static TheoryData<string> Tiers() => [.. EngineTiers.All];

    [Theory]
    [InlineData(1, 1, 3, 1, "9999-12-29T00:00:00Z")]
    [InlineData(1, 1, 3, 30, null)]
    [InlineData(12, 30, 0, 30, "9999-12-31T00:00:00Z")]
    [InlineData(1, 2, 0, 1, null)]
    [InlineData(2, 29, 7, 1, null)]
    public void ValidUntil_CountdownToAnAnniversaryInYear10000_ChangesWhenItReachesTheThreshold(int month, int day, int within, int asOfDay, string? changes)
    {
        // Arrange: as of December 9,999 the next anniversary is in year 10,000 (or becomes so the day after 30 December):
        // a countdown to 1 January reaches 3 days on 29 December; one to 29 February (10,000 is a leap year) is 60 days
        // on the last day of the range, so it changes no membership within the range, and neither does one to 2 January.
        var engine = Scenario.Compile(s => s.Segment("soon").When(s.Date(p => p.BirthDate).AnniversaryWithin(within)));
        var person = new Person { BirthDate = Born(2000, month, day) };
        var asOf = Utc(9999, 12, asOfDay);

        // Act
        var validity = engine.ValidUntil(person, asOf);

        // Assert
        engine.Evaluate(person, asOf).HasFaults.Should().BeFalse();
        if (changes is null)
        {
            validity.Kind.Should().NotBe(ValidityKind.Changes, validity.ToString());
            return;
        }

        var until = DateTimeOffset.Parse(changes, System.Globalization.CultureInfo.InvariantCulture);
        validity.Kind.Should().Be(ValidityKind.Changes);
        validity.ValidUntil.Should().Be(until);
        engine.Evaluate(person, until).StateOf("soon").Should().NotBe(engine.Evaluate(person, asOf).StateOf("soon"));
        engine.Evaluate(person, until.AddTicks(-1)).StateOf("soon").Should().Be(engine.Evaluate(person, asOf).StateOf("soon"));
    }
}
