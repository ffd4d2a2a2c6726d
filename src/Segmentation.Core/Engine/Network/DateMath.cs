namespace Segmentation.Core.Engine.Network;

internal static class DateMath
{
    public static long Ticks(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static decimal Days(long ticks) => (decimal)ticks / TimeSpan.TicksPerDay;

    public static int Years(DateTime date, DateTime asOfDate)
    {
        var years = asOfDate.Year - date.Year;
        return (asOfDate.Month, asOfDate.Day).CompareTo((date.Month, date.Day)) < 0 ? years - 1 : years;
    }

    public static int DaysUntilAnniversary(DateTime date, DateTime asOfDate)
    {
        var next = Anniversary(date, asOfDate.Year);
        if (next < asOfDate)
        {
            next = Anniversary(date, asOfDate.Year + 1);
        }

        return (next - asOfDate).Days;
    }

    public static int MonthsUntilAnniversaryMonth(DateTime date, DateTime asOfDate) => (date.Month - asOfDate.Month + 12) % 12;

    private static DateTime Anniversary(DateTime date, int year) =>
        date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year) ? new DateTime(year, 3, 1) : new DateTime(year, date.Month, date.Day);
}
