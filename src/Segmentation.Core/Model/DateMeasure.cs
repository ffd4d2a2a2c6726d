namespace Segmentation.Core.Model;

/// <summary>What is measured from a calendar date of the profile (a birth date, a sign-up date) relative to as-of.</summary>
public enum DateMeasure
{
    /// <summary>Completed years from the date to as-of (a February 29 date gains a year on March 1 in common years).</summary>
    Years,

    /// <summary>Days from as-of to the next anniversary of the date; 0 on the anniversary itself.</summary>
    DaysUntilAnniversary,

    /// <summary>Months from the as-of month to the date's month, 0 to 11; 0 when the months are the same.</summary>
    MonthsUntilAnniversaryMonth,
}
