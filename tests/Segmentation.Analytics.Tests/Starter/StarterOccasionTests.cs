using Segmentation.Analytics.Starter;
using static Segmentation.Analytics.Tests.Starter.StarterFixture;

namespace Segmentation.Analytics.Tests.Starter;

public class StarterOccasionTests
{
    [Theory]
    [InlineData(6, 1, true)]
    [InlineData(6, 30, true)]
    [InlineData(5, 31, false)]
    [InlineData(7, 1, false)]
    public void BirthdayMonth_BirthDate_MatchesInAsOfMonth(int month, int day, bool expected) =>
        Evaluate(new Shopper { BirthDate = Day(1990, month, day) }).IsIn(StarterSegmentIds.BirthdayMonth).Should().Be(expected);

    [Fact]
    public void BirthdayMonth_MissingBirthDate_IsOut() =>
        Evaluate(new Shopper()).IsIn(StarterSegmentIds.BirthdayMonth).Should().BeFalse();

    [Theory]
    [InlineData(2024, 6, 15, true)]
    [InlineData(2024, 6, 21, true)]
    [InlineData(2024, 6, 22, false)]
    [InlineData(2024, 6, 14, false)]
    [InlineData(2025, 6, 18, true)]
    [InlineData(2026, 6, 15, false)]
    [InlineData(2026, 6, 18, false)]
    public void AnniversaryWeek_SignUpDate_MatchesWithinSevenDaysFromAsOf(int year, int month, int day, bool expected) =>
        Evaluate(new Shopper { JoinedOn = Day(year, month, day) }).IsIn(StarterSegmentIds.AnniversaryWeek).Should().Be(expected);

    [Fact]
    public void AnniversaryWeek_CustomLength_IsUsed() =>
        Evaluate(new Shopper { JoinedOn = Day(2024, 6, 22) }, new StarterOptions { AnniversaryWeekDays = 8 })
            .IsIn(StarterSegmentIds.AnniversaryWeek).Should().BeTrue();
}
