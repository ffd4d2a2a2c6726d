using System.Linq.Expressions;

namespace Segmentation.Core.Semantics;

/// <summary>The one definition of a fact's instant (UTC ticks), its UTC day, and the calendar measures of dates.</summary>
internal static class DateMath
{
    /// <summary>A fact's instant: a <see cref="DateTime"/> is taken as UTC unless its kind is local, which is converted.</summary>
    public static long Ticks(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    /// <summary>A fact's instant: the offset's UTC ticks.</summary>
    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    /// <summary>The call of <see cref="Ticks(DateTime)"/> or <see cref="Ticks(DateTimeOffset)"/> on a date expression, for generated code.</summary>
    public static Expression TicksOf(Expression date) =>
        Expression.Call(typeof(DateMath).GetMethod(nameof(Ticks), [date.Type])
            ?? throw new InvalidOperationException($"Unsupported date type {date.Type}."), date);

    /// <summary>The UTC calendar day of an instant.</summary>
    public static long Day(long ticks) => ticks / TimeSpan.TicksPerDay;

    /// <summary>A span of ticks in whole and fractional days.</summary>
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
