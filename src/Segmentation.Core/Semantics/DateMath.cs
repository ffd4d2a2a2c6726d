using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Segmentation.Core.Semantics;

/// <summary>The one definition of a fact's instant (UTC ticks), its UTC day, and the calendar measures of dates.</summary>
internal static class DateMath
{
    /// <summary>
    /// Whether <see cref="DateTime"/> is laid out as <see cref="TryTicksWithoutConversionFromBits"/> reads it (checked
    /// once, on real values of every kind and at both ends of the range).
    /// </summary>
    public static readonly bool KindInTopBits =
        ReadsLikeKindAndTicks(new DateTime(638_000_000_000_000_000, DateTimeKind.Utc))
        && ReadsLikeKindAndTicks(new DateTime(638_000_000_000_000_001, DateTimeKind.Local))
        && ReadsLikeKindAndTicks(new DateTime(638_000_000_000_000_002, DateTimeKind.Unspecified))
        && ReadsLikeKindAndTicks(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Local))
        && ReadsLikeKindAndTicks(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc))
        && ReadsLikeKindAndTicks(DateTime.MinValue);

    /// <summary>The days of 400 Gregorian years (97 of them leap years), after which the calendar repeats exactly.</summary>
    public const int DaysPer400Years = (400 * 365) + 97;

    private const long TicksBits = 0x3FFF_FFFF_FFFF_FFFF;

    /// <summary>A fact's instant: a <see cref="DateTime"/> is taken as UTC unless its kind is local, which is converted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Ticks(DateTime value) => TryTicksWithoutConversion(value, out var ticks) ? ticks : LocalTicks(value);

    /// <summary>A fact's instant: the offset's UTC ticks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    /// <summary>
    /// A fact's instant when it needs no time-zone conversion (every kind but local): the part of <see cref="Ticks(DateTime)"/>
    /// that generated loops inline, so that they hold no call; they leave for the general loop on a local-kind date.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryTicksWithoutConversion(DateTime value, out long ticks)
    {
        ticks = value.Ticks;
        return value.Kind != DateTimeKind.Local;
    }

    /// <summary>
    /// <see cref="TryTicksWithoutConversion"/> read from the date's bits: the ticks are its low 62 bits, and the highest
    /// bit is set for exactly the local kinds, so one sign test replaces the kind's decoding. Generated loops use it when
    /// <see cref="KindInTopBits"/> holds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryTicksWithoutConversionFromBits(DateTime value, out long ticks)
    {
        var bits = Unsafe.BitCast<DateTime, long>(value);
        ticks = bits & TicksBits;
        return bits >= 0;
    }

    private static bool ReadsLikeKindAndTicks(DateTime value) =>
        TryTicksWithoutConversionFromBits(value, out var ticks) == TryTicksWithoutConversion(value, out var expected) && ticks == expected;

    /// <summary>Whether a date of this type can need a time-zone conversion (a local-kind <see cref="DateTime"/>).</summary>
    public static bool MayNeedConversion(Type dateType) => dateType == typeof(DateTime);

    /// <summary>
    /// The call of <see cref="TryTicksWithoutConversion"/> on a <see cref="DateTime"/> expression (offsets never need
    /// a conversion, see <see cref="MayNeedConversion"/>), storing into <paramref name="ticks"/>, for generated code:
    /// its bit-reading form when <see cref="KindInTopBits"/> holds. The choice is made here, not inside the method:
    /// the JIT does not fold the flag in generated (dynamic) methods, and a loop holding both forms spills its counts.
    /// </summary>
    public static Expression TryTicksWithoutConversionOf(Expression date, ParameterExpression ticks) =>
        Expression.Call(typeof(DateMath).GetMethod(KindInTopBits ? nameof(TryTicksWithoutConversionFromBits) : nameof(TryTicksWithoutConversion))!, date, ticks);

    /// <summary>The call of <see cref="Ticks(DateTime)"/> or <see cref="Ticks(DateTimeOffset)"/> on a date expression, for generated code.</summary>
    public static Expression TicksOf(Expression date) =>
        Expression.Call(typeof(DateMath).GetMethod(nameof(Ticks), [date.Type])
            ?? throw new InvalidOperationException($"Unsupported date type {date.Type}."), date);

    /// <summary>The instant of a local-kind date, converted to UTC: kept out of line so the common case inlines into every scan loop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long LocalTicks(DateTime value) => value.ToUniversalTime().Ticks;

    /// <summary>The UTC calendar day of an instant.</summary>
    public static long Day(long ticks) => ticks / TimeSpan.TicksPerDay;

    /// <summary>A span of ticks in whole and fractional days.</summary>
    public static decimal Days(long ticks) => (decimal)ticks / TimeSpan.TicksPerDay;

    /// <summary>Completed years from <paramref name="date"/> to <paramref name="asOfDate"/> (an age): one less before this year's anniversary.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Years(DateTime date, DateTime asOfDate)
    {
        var (asOfYear, asOfMonth, asOfDay) = asOfDate;
        return Years(date, asOfYear, asOfMonth, asOfDay);
    }

    /// <summary><see cref="Years(DateTime, DateTime)"/> with as-of's calendar parts found once, for generated code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Years(DateTime date, int asOfYear, int asOfMonth, int asOfDay)
    {
        var (year, month, day) = date;
        var beforeAnniversary = asOfMonth < month || (asOfMonth == month && asOfDay < day);
        return asOfYear - year - (beforeAnniversary ? 1 : 0);
    }

    /// <summary>
    /// Days from <paramref name="asOfDate"/>'s day to the next anniversary of <paramref name="date"/> (0 on the anniversary):
    /// a 29 February's anniversary is 1 March in common years. The next anniversary may be in year 10,000, past
    /// <see cref="DateTime.MaxValue"/>; it is counted all the same (see <see cref="AnniversaryDay"/>).
    /// </summary>
    public static int DaysUntilAnniversary(DateTime date, DateTime asOfDate)
    {
        var asOfDay = Day(asOfDate.Ticks);
        var next = AnniversaryDay(date, asOfDate.Year);
        if (next < asOfDay)
        {
            next = AnniversaryDay(date, asOfDate.Year + 1);
        }

        return (int)(next - asOfDay);
    }

    /// <summary>
    /// The day number (days since 1 January of year 1, see <see cref="Day"/>) of <paramref name="date"/>'s anniversary in
    /// <paramref name="year"/> (1 to 10,000): 1 March for 29 February in a common year. Year 10,000 has no
    /// <see cref="DateTime"/>, but the Gregorian calendar repeats exactly every 400 years (<see cref="DaysPer400Years"/>
    /// days), so its anniversary is the one of year 9,600 moved that many days on.
    /// </summary>
    public static long AnniversaryDay(DateTime date, int year) =>
        year > DateTime.MaxValue.Year ? AnniversaryDay(date, year - 400) + DaysPer400Years : Day(Anniversary(date, year).Ticks);

    /// <summary>Months from <paramref name="asOfDate"/>'s month to <paramref name="date"/>'s month (0 in the anniversary month).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MonthsUntilAnniversaryMonth(DateTime date, DateTime asOfDate) => MonthsUntilAnniversaryMonth(date, asOfDate.Month);

    /// <summary><see cref="MonthsUntilAnniversaryMonth(DateTime, DateTime)"/> with as-of's month found once, for generated code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MonthsUntilAnniversaryMonth(DateTime date, int asOfMonth) => (date.Month - asOfMonth + 12) % 12;

    private static DateTime Anniversary(DateTime date, int year) =>
        date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year) ? new DateTime(year, 3, 1) : new DateTime(year, date.Month, date.Day);
}
