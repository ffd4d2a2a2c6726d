using System.Globalization;
using Segmentation.Core.Dsl;
using static Segmentation.Analytics.Starter.StarterSegmentIds;

namespace Segmentation.Analytics.Starter;

/// <summary>The occasion segments: birthday month and sign-up anniversary week.</summary>
internal static class OccasionSegments
{
    public static void Define<TProfile>(ICatalogBuilder<TProfile> s, StarterMapping<TProfile> mapping, StarterOptions o)
    {
        if (mapping.BirthdaySource?.Invoke(s) is { } birthday)
        {
            s.Segment(BirthdayMonth, "Birthday month")
                .Describe("The birthday falls in the as-of month")
                .Tagged("occasion")
                .When(birthday.InAsOfMonth());
        }

        if (mapping.SignUpSource?.Invoke(s) is { } signUp)
        {
            var firstAnniversaryAhead = signUp.Years.AtLeast(0) & signUp.DaysUntilAnniversary.AtLeast(1);
            s.Segment(AnniversaryWeek, "Anniversary week")
                .Describe(string.Create(CultureInfo.InvariantCulture, $"A sign-up anniversary falls in the {o.AnniversaryWeekDays} days starting on the as-of day"))
                .Tagged("occasion")
                .When(signUp.AnniversaryWithin(o.AnniversaryWeekDays - 1))
                .And(signUp.Years.AtLeast(1) | firstAnniversaryAhead);
        }
    }
}
