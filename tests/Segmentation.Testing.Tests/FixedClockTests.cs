using static Segmentation.Testing.Tests.Support.Shop;

namespace Segmentation.Testing.Tests;

public sealed class FixedClockTests
{
    [Fact]
    public void GetUtcNow_StandsStillUntilMoved()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.FromHours(2)));

        clock.GetUtcNow().Should().Be(AsOf);
        clock.GetUtcNow().Offset.Should().Be(TimeSpan.Zero);
        clock.Advance(TimeSpan.FromHours(1));
        clock.GetUtcNow().Should().Be(AsOf.AddHours(1));
        clock.SetUtcNow(AsOf.AddDays(-1));
        clock.GetUtcNow().Should().Be(AsOf.AddDays(-1));
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        var act = () => new FixedClock(2026, 11, 1).Advance(TimeSpan.FromTicks(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void GetElapsedTime_FollowsTheClock()
    {
        var clock = new FixedClock(2026, 11, 1);
        var start = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromSeconds(90));

        clock.GetElapsedTime(start).Should().Be(TimeSpan.FromSeconds(90));
        clock.LocalTimeZone.Should().Be(TimeZoneInfo.Utc);
    }
}
