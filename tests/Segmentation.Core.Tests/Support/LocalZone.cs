namespace Segmentation.Core.Tests.Support;

/// <summary>
/// Runs a test with the process's local time zone set to a fixed UTC+9 zone (a TZif file written by the test, so no
/// tzdata is needed). Tests that use it belong to <c>LocalTimeZoneCollection</c>, which runs alone.
/// </summary>
public static class LocalZone
{
    /// <summary>Midnight on 2026-11-01 as an unspecified <see cref="DateTime"/>: UTC by the engine's rule, 15:00 UTC the day before by the implicit conversion under UTC+9.</summary>
    public static readonly DateTime Midnight = new(2026, 11, 1);

    /// <summary>The instant <see cref="Midnight"/> stands for.</summary>
    public static readonly DateTimeOffset MidnightUtc = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Bought at 18:00 UTC the evening before: visible as of midnight UTC, not yet as of midnight in UTC+9 (15:00 UTC).</summary>
    public static Person Buyer { get; } = Scenario.With(new Fact(new DateTime(2026, 10, 31, 18, 0, 0, DateTimeKind.Utc)));

    /// <summary>Runs <paramref name="test"/> in UTC+9, then restores the zone.</summary>
    /// <param name="test">The test body.</param>
    public static void PlusNine(Action test)
    {
        var zoneFile = Path.Combine(Path.GetTempPath(), $"segmentation-utc-plus-9-{Environment.ProcessId}.tzif");
        File.WriteAllBytes(zoneFile, FixedOffsetZone(TimeSpan.FromHours(9), "JST"));
        var before = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zoneFile);
            TimeZoneInfo.ClearCachedData();
            TimeZoneInfo.Local.BaseUtcOffset.Should().Be(TimeSpan.FromHours(9), "the local zone is switched for the test");
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", before);
            TimeZoneInfo.ClearCachedData();
            File.Delete(zoneFile);
        }
    }

    /// <summary>A TZif (version 1) file with one fixed offset and no transitions.</summary>
    private static byte[] FixedOffsetZone(TimeSpan offset, string abbreviation)
    {
        var bytes = new List<byte>();
        void Int(int value) => bytes.AddRange([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        bytes.AddRange("TZif"u8.ToArray());
        bytes.AddRange(new byte[16]);
        foreach (var count in new[] { 0, 0, 0, 0, 1, abbreviation.Length + 1 })
        {
            Int(count);
        }

        Int((int)offset.TotalSeconds);
        bytes.AddRange([0, 0]);
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(abbreviation + "\0"));
        return [.. bytes];
    }
}
