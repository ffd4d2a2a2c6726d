namespace Segmentation.Storage;

/// <summary>Stores an instant as UTC ticks (ordered) plus its offset in minutes (to give it back as it was).</summary>
internal static class Instants
{
    public static long Utc(DateTimeOffset instant) => instant.UtcTicks;

    public static long Offset(DateTimeOffset instant) => (long)instant.Offset.TotalMinutes;

    public static DateTimeOffset Read(long utcTicks, long offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }
}
