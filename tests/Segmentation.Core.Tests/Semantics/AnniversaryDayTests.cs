using Segmentation.Core.Semantics;

namespace Segmentation.Core.Tests.Semantics;

public sealed class AnniversaryDayTests
{
    [Fact]
    public void DaysUntilAnniversary_EveryDayOfTheLastLeapCycle_CountsAsEightThousandYearsEarlier()
    {
        // Arrange: 8,000 years are 20 Gregorian cycles of 400 years, so 9996-9999 (up to year 10,000's anniversaries)
        // have the calendar of 1996-1999 (up to 2000's), which DateTime reaches without any shift.
        var births = Enumerable.Range(0, 366).Select(d => new DateTime(2000, 1, 1).AddDays(d)).ToArray();
        var mismatches = new List<string>();

        // Act
        for (var asOf = new DateTime(9996, 1, 1); ; asOf = asOf.AddDays(1))
        {
            var earlier = asOf.AddYears(-8000);
            foreach (var birth in births)
            {
                var days = DateMath.DaysUntilAnniversary(birth, asOf);
                var expected = DateMath.DaysUntilAnniversary(birth, earlier);
                if (days != expected && mismatches.Count < 10)
                {
                    mismatches.Add($"{birth:MM-dd} as of {asOf:yyyy-MM-dd}: {days}, expected {expected}");
                }
            }

            if (asOf == DateTime.MaxValue.Date)
            {
                break;
            }
        }

        // Assert
        mismatches.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 1, 10_000, 1, 1)]
    [InlineData(2, 29, 10_000, 2, 29)]
    [InlineData(2, 29, 9_999, 3, 1)]
    [InlineData(12, 31, 10_000, 12, 31)]
    public void AnniversaryDay_InAndPastTheRange_IsTheDayOfTheAnniversary(int month, int day, int year, int expectedMonth, int expectedDay)
    {
        var anniversary = DateMath.AnniversaryDay(new DateTime(2000, month, day), year);

        // Year 10,000 begins the day after DateTime.MaxValue and is a leap year, as 2000 is.
        var expected = year > 9_999
            ? (DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay) + new DateTime(2000, expectedMonth, expectedDay).DayOfYear
            : new DateTime(year, expectedMonth, expectedDay).Ticks / TimeSpan.TicksPerDay;
        anniversary.Should().Be(expected);
    }
}
