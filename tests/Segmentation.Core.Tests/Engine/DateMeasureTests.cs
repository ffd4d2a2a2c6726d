using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

public sealed class DateMeasureTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static DateTime Born(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static SegmentationResult Evaluate(DateTime birth, DateTimeOffset asOf, DateTime? signedUp = null)
    {
        var engine = Scenario.Compile(s =>
        {
            s.Segment("adult").When(s.Age(p => p.BirthDate).AtLeast(18));
            s.Segment("age-17").When(s.Age(p => p.BirthDate).EqualTo(17));
            s.Segment("age-18").When(s.Age(p => p.BirthDate).EqualTo(18));
            s.Segment("age-19").When(s.Age(p => p.BirthDate).EqualTo(19));
            s.Segment("age-20").When(s.Age(p => p.BirthDate).EqualTo(20));
            s.Segment("birthday-month").When(s.Date(p => p.BirthDate).InAsOfMonth());
            s.Segment("birthday-today").When(s.Date(p => p.BirthDate).AnniversaryWithin(0));
            s.Segment("birthday-tomorrow").When(s.Date(p => p.BirthDate).DaysUntilAnniversary.EqualTo(1));
            s.Segment("birthday-week").When(s.Date(p => p.BirthDate).AnniversaryWithin(7));
            s.Segment("tenure-1").When(s.Date(p => p.SignedUp).Years.AtLeast(1));
            s.Segment("no-tenure").When(!s.Date(p => p.SignedUp).Years.AtLeast(0));
        });
        return engine.Evaluate(new Person { BirthDate = birth, SignedUp = signedUp }, asOf);
    }

    [Fact]
    public void OneEngine_AsOfChangingBetweenEvaluations_MeasuresEachAsOfOnEveryTier()
    {
        // The frame keeps as-of's day while as-of stays the same: each change must be seen, by generated code (which
        // reads as-of's calendar parts once per chunk) and by the node network alike.
        var asOfs = new[] { Utc(2026, 10, 31, 23), Utc(2026, 11, 1), Utc(2026, 11, 1, 12), Utc(2026, 10, 31), Utc(2027, 11, 1), Utc(2026, 12, 1), Utc(1, 1, 1), Utc(2026, 11, 1) };
        var person = new Person { BirthDate = Born(2008, 11, 1), SignedUp = Born(2025, 11, 1) };
        void Define(Segmentation.Core.Dsl.ICatalogBuilder<Person> s)
        {
            s.Segment("adult").When(s.Age(p => p.BirthDate).AtLeast(18));
            s.Segment("birthday-month").When(s.Date(p => p.BirthDate).InAsOfMonth());
            s.Segment("birthday-week").When(s.Date(p => p.BirthDate).AnniversaryWithin(7));
            s.Segment("tenure-1").When(s.Date(p => p.SignedUp).Years.AtLeast(1));
        }

        foreach (var generation in new[] { CodeGeneration.BeforeReturn, CodeGeneration.Disabled })
        {
            var engine = Scenario.Compile(Define, new SegmentEngineOptions { CodeGeneration = generation });
            foreach (var asOf in asOfs)
            {
                var expected = Scenario.Compile(Define, new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled }).Evaluate(person, asOf);
                var actual = engine.Evaluate(person, asOf);
                foreach (var id in engine.MembershipIds)
                {
                    actual.StateOf(id).Should().Be(expected.StateOf(id), $"{id} as of {asOf:O} ({generation})");
                }
            }
        }

        var once = Scenario.Compile(Define, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn });
        once.Evaluate(person, Utc(2026, 10, 31, 23)).IsIn("adult").Should().BeFalse();
        once.Evaluate(person, Utc(2026, 11, 1)).IsIn("adult").Should().BeTrue();
        once.Evaluate(person, Utc(2026, 12, 1)).IsIn("birthday-month").Should().BeFalse();
        once.Evaluate(person, Utc(1, 1, 1)).IsIn("adult").Should().BeFalse();
    }

    [Fact]
    public void Age_DayBefore18thBirthday_Is17()
    {
        var result = Evaluate(Born(2008, 11, 2), Utc(2026, 11, 1));

        result.IsIn("age-17").Should().BeTrue();
        result.IsIn("adult").Should().BeFalse();
    }

    [Fact]
    public void Age_On18thBirthday_Is18()
    {
        var result = Evaluate(Born(2008, 11, 1), Utc(2026, 11, 1));

        result.IsIn("age-18").Should().BeTrue();
        result.IsIn("adult").Should().BeTrue();
    }

    [Fact]
    public void Age_AsOfLateInUtcDay_UsesUtcDate()
    {
        // 2026-11-01T01:00+02:00 is 2026-10-31T23:00Z: the UTC date is the day before the birthday.
        var asOf = new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.FromHours(2));

        var result = Evaluate(Born(2008, 11, 1), asOf);

        result.IsIn("age-17").Should().BeTrue();
    }

    [Fact]
    public void Age_AsOfEndOfBirthdayUtc_Is18()
    {
        var result = Evaluate(Born(2008, 11, 1), new DateTimeOffset(2026, 11, 1, 23, 59, 59, TimeSpan.Zero));

        result.IsIn("age-18").Should().BeTrue();
    }

    [Fact]
    public void Age_Feb29BirthOnFeb28OfCommonYear_IsNotYetOlder()
    {
        var result = Evaluate(Born(2008, 2, 29), Utc(2026, 2, 28));

        result.IsIn("age-17").Should().BeTrue();
        result.IsIn("birthday-tomorrow").Should().BeTrue();
    }

    [Fact]
    public void Age_Feb29BirthOnMar1OfCommonYear_IsOlder()
    {
        var result = Evaluate(Born(2008, 2, 29), Utc(2026, 3, 1));

        result.IsIn("age-18").Should().BeTrue();
        result.IsIn("birthday-today").Should().BeTrue();
    }

    [Fact]
    public void Age_Feb29BirthOnFeb28OfLeapYear_IsNotYetOlder()
    {
        var result = Evaluate(Born(2004, 2, 29), Utc(2024, 2, 28));

        result.IsIn("age-19").Should().BeTrue();
        result.IsIn("birthday-tomorrow").Should().BeTrue();
    }

    [Fact]
    public void Age_Feb29BirthOnFeb29OfLeapYear_IsOlder()
    {
        var result = Evaluate(Born(2004, 2, 29), Utc(2024, 2, 29));

        result.IsIn("age-20").Should().BeTrue();
        result.IsIn("birthday-today").Should().BeTrue();
    }

    [Theory]
    [InlineData(11, 1, true)]
    [InlineData(11, 30, true)]
    [InlineData(10, 31, false)]
    [InlineData(12, 1, false)]
    public void InAsOfMonth_BirthMonth_MatchesOnlyAsOfMonth(int month, int day, bool expected)
    {
        var result = Evaluate(Born(1990, month, day), Utc(2026, 11, 1));

        result.IsIn("birthday-month").Should().Be(expected);
    }

    [Theory]
    [InlineData(11, 1, true)]
    [InlineData(11, 8, true)]
    [InlineData(11, 9, false)]
    [InlineData(10, 31, false)]
    public void AnniversaryWithin_SevenDays_IncludesTodayAndSeventhDay(int month, int day, bool expected)
    {
        var result = Evaluate(Born(1990, month, day), Utc(2026, 11, 1));

        result.IsIn("birthday-week").Should().Be(expected);
    }

    [Fact]
    public void AnniversaryWithin_Feb29BirthAcrossYearEnd_CountsToNextLeapDay()
    {
        // As of 2027-12-28 the next anniversary is 2028-02-29 (a leap year): 63 days away.
        var result = Evaluate(Born(2000, 2, 29), Utc(2027, 12, 28));

        result.IsIn("birthday-week").Should().BeFalse();
        Evaluate(Born(2000, 2, 29), Utc(2028, 2, 22)).IsIn("birthday-week").Should().BeTrue();
        Evaluate(Born(2000, 2, 29), Utc(2028, 2, 21)).IsIn("birthday-week").Should().BeFalse();
    }

    [Fact]
    public void Years_OptionalDate_MeasuresWhenPresent()
    {
        var result = Evaluate(Born(1990, 1, 1), Utc(2026, 11, 1), signedUp: new DateTime(2025, 11, 1, 12, 0, 0, DateTimeKind.Utc));

        result.IsIn("tenure-1").Should().BeTrue();
        result.IsIn("no-tenure").Should().BeFalse();
    }

    [Fact]
    public void Years_MissingOptionalDate_HasNoValue()
    {
        var result = Evaluate(Born(1990, 1, 1), Utc(2026, 11, 1), signedUp: null);

        result.IsIn("tenure-1").Should().BeFalse();
        result.IsIn("no-tenure").Should().BeTrue();
        result.HasFaults.Should().BeFalse();
    }
}
