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
        var to = new DateTime(Math.Max(horizonTicks, candidates.AsOfTicks)).Year + 1;
        switch (measure)
        {
            case DateMeasure.Years:
                foreach (var years in Steps(comparison))
                {
                    AddDay(candidates, Anniversary(value, value.Year + years));
                }

                break;
            case DateMeasure.DaysUntilAnniversary:
                for (var year = from; year <= to; year++)
                {
                    var anniversary = Anniversary(value, year);
                    AddDay(candidates, anniversary?.AddDays(1));
                    foreach (var days in Steps(comparison).Where(d => d is >= 0 and <= 366))
                    {
                        AddDay(candidates, anniversary?.AddDays(-days));
                    }
                }

                break;
            default:
                for (var month = new DateTime(from, 1, 1); month.Year <= to && month.Year < 9999; month = month.AddMonths(1))
                {
                    AddDay(candidates, month);
                }

                break;
        }
    }

    private static IEnumerable<int> Steps(Comparison comparison) =>
        Bounds(comparison).SelectMany(t => new[] { decimal.Floor(t) - 1, decimal.Floor(t), decimal.Ceiling(t), decimal.Ceiling(t) + 1 })
            .Where(k => k is > -10_000 and < 10_000).Select(k => (int)k).Distinct();

    private static void AddDay(CandidateSet candidates, DateTime? day)
    {
        if (day is { } d)
        {
            candidates.Add(d.Ticks);
        }
    }

    private static DateTime? Anniversary(DateTime date, int year) =>
        year is < 1 or > 9998 ? null
        : date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year) ? new DateTime(year, 3, 1)
        : new DateTime(year, date.Month, date.Day);
}
