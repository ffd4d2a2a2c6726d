using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

/// <summary>A calendar date of the profile (birth date, sign-up date) for age and occasion conditions.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class CalendarDate<TProfile>
{
    private readonly System.Linq.Expressions.LambdaExpression date;

    internal CalendarDate(System.Linq.Expressions.LambdaExpression date) => this.date = date;

    /// <summary>Completed years from the date to as-of (age, tenure).</summary>
    public Measure<TProfile> Years => new(new DateSource(date, DateMeasure.Years));

    /// <summary>Days from as-of to the next anniversary; 0 on the day.</summary>
    public Measure<TProfile> DaysUntilAnniversary => new(new DateSource(date, DateMeasure.DaysUntilAnniversary));

    /// <summary>The anniversary falls in the as-of month (a birthday month).</summary>
    /// <returns>The condition.</returns>
    public Condition<TProfile> InAsOfMonth() => new Measure<TProfile>(new DateSource(date, DateMeasure.MonthsUntilAnniversaryMonth)).EqualTo(0);

    /// <summary>The anniversary is today or within the next <paramref name="days"/> days.</summary>
    /// <param name="days">How many days ahead to look.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> AnniversaryWithin(int days) => DaysUntilAnniversary.AtMost(days);
}
