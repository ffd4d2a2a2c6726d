using System.Globalization;

namespace Segmentation.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> that stands still at an instant until moved, for engines compiled with
/// <c>new SegmentEngineOptions { TimeProvider = new FixedClock(asOf) }</c>: evaluations without an explicit as-of instant
/// become reproducible. Thread-safe. Timers are not driven by this clock.
/// </summary>
public sealed class FixedClock : TimeProvider
{
    private long utcTicks;

    /// <summary>Creates a clock fixed at an instant.</summary>
    /// <param name="utcNow">The instant (any offset; it is kept as UTC).</param>
    public FixedClock(DateTimeOffset utcNow) => utcTicks = utcNow.UtcTicks;

    /// <summary>Creates a clock fixed at midnight UTC of a date.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month (1–12).</param>
    /// <param name="day">The day of the month.</param>
    public FixedClock(int year, int month, int day)
        : this(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The local time zone this clock reports. The default value is <see cref="TimeZoneInfo.Utc"/>.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>The tick frequency of <see cref="GetTimestamp"/>: <see cref="TimeSpan.TicksPerSecond"/>.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The fixed instant.</summary>
    /// <returns>The instant, in UTC.</returns>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    /// <summary>A timestamp that moves only when the clock is moved.</summary>
    /// <returns>The instant's ticks.</returns>
    public override long GetTimestamp() => Interlocked.Read(ref utcTicks);

    /// <summary>Moves the clock forward.</summary>
    /// <param name="delta">How far; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref utcTicks, delta.Ticks);
    }

    /// <summary>Sets the clock to an instant, earlier or later.</summary>
    /// <param name="utcNow">The instant.</param>
    public void SetUtcNow(DateTimeOffset utcNow) => Interlocked.Exchange(ref utcTicks, utcNow.UtcTicks);

    /// <summary>Formats the instant.</summary>
    /// <returns>The instant in round-trip format.</returns>
    public override string ToString() => GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
