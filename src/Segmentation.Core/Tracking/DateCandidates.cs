using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>
/// A measure of a calendar date (UTC midnight semantics): years change on anniversaries, days-until-anniversary counts down
/// a day at a time and resets the day after the anniversary, months-until-anniversary-month changes on the first of each month.
/// </summary>
internal sealed class DateCandidates<TProfile>(Func<TProfile, DateTime?> date, DateMeasure measure, Comparison comparison) : CandidateSource<TProfile>
{
    public override bool IsPeriodic => measure != DateMeasure.Years;

    public override void Collect(TProfile profile, CandidateSet candidates, long horizonTicks)
    {
        DateTime value;
        try
        {
            if (date(profile) is not { } d)
            {
                return;
            }

            value = d.Date;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return;
        }

        var from = new DateTime(candidates.AsOfTicks).Year;
        var to = Math.Min(DateTime.MaxValue.Year, new DateTime(Math.Clamp(horizonTicks, candidates.AsOfTicks, DateTime.MaxValue.Ticks)).Year + 1);
        switch (measure)
        {
            case DateMeasure.Years:
                foreach (var years in Steps(comparison))
                {
                    AddDay(candidates, Anniversary(value, value.Year + years), 0);
                }

                break;
            case DateMeasure.DaysUntilAnniversary:
                for (var year = from; year <= to; year++)
                {
                    var anniversary = Anniversary(value, year);
                    AddDay(candidates, anniversary, 1);
                    foreach (var days in Steps(comparison).Where(d => d is >= 0 and <= 366))
                    {
                        AddDay(candidates, anniversary, -days);
                    }
                }

                break;
            default:
                for (var year = from; year <= to; year++)
                {
                    for (var month = 1; month <= 12; month++)
                    {
                        candidates.Add(new DateTime(year, month, 1).Ticks);
                    }
                }

                break;
        }
    }

    private static IEnumerable<int> Steps(Comparison comparison) =>
        Bounds(comparison).SelectMany(t => new[] { decimal.Floor(t) - 1, decimal.Floor(t), decimal.Ceiling(t), decimal.Ceiling(t) + 1 })
            .Where(k => k is > -10_000 and < 10_000).Select(k => (int)k).Distinct();

    /// <summary>Adds the midnight <paramref name="days"/> days after <paramref name="day"/>, if it exists as a <see cref="DateTime"/>.</summary>
    private static void AddDay(CandidateSet candidates, DateTime? day, int days)
    {
        if (day is { } d)
        {
            candidates.Add(d.Ticks, days * TimeSpan.TicksPerDay);
        }
    }

    private static DateTime? Anniversary(DateTime date, int year) =>
        year is < 1 or > 9999 ? null
        : date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year) ? new DateTime(year, 3, 1)
        : new DateTime(year, date.Month, date.Day);
}
