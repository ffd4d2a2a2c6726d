using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

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
        // Up to year 10,000: a countdown to an anniversary of that year (see DateMath.AnniversaryDay) changes in 9,999.
        var to = new DateTime(Math.Clamp(horizonTicks, candidates.AsOfTicks, DateTime.MaxValue.Ticks)).Year + 1;
        switch (measure)
        {
            case DateMeasure.Years:
                foreach (var years in Steps(comparison).Where(y => value.Year + y is >= 1 and <= 9999))
                {
                    AddDay(candidates, DateMath.AnniversaryDay(value, value.Year + years), 0);
                }

                break;
            case DateMeasure.DaysUntilAnniversary:
                for (var year = from; year <= to; year++)
                {
                    var anniversary = DateMath.AnniversaryDay(value, year);
                    AddDay(candidates, anniversary, 1);
                    foreach (var days in Steps(comparison).Where(d => d is >= 0 and <= 366))
                    {
                        AddDay(candidates, anniversary, -days);
                    }
                }

                break;
            default:
                for (var year = from; year <= Math.Min(to, DateTime.MaxValue.Year); year++)
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

    /// <summary>Adds the midnight <paramref name="days"/> days after the day numbered <paramref name="day"/>, if it is a valid instant.</summary>
    private static void AddDay(CandidateSet candidates, long day, int days) =>
        candidates.Add(day * TimeSpan.TicksPerDay, days * TimeSpan.TicksPerDay);
}
