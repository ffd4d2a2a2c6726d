using Segmentation.Core.Dsl;
using static Segmentation.Analytics.Starter.StarterSegmentIds;

namespace Segmentation.Analytics.Starter;

/// <summary>The psychographic (interest) and geographic (region) segments.</summary>
internal static class AttributeSegments
{
    public static void Define<TProfile>(ICatalogBuilder<TProfile> s, StarterMapping<TProfile> mapping, StarterOptions o)
    {
        if (mapping.InterestsSelector is { } interests)
        {
            foreach (var interest in o.Interests.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                s.Segment(Interest(interest), "Interested in " + interest)
                    .Describe($"Declared an interest in '{interest}' (ignoring case)")
                    .Tagged("psychographic")
                    .When(s.Where(StarterExpressions.Includes(interests, interest)));
            }
        }

        if (mapping.CountrySelector is { } country)
        {
            foreach (var (region, countries) in o.Regions)
            {
                s.Segment(Region(region), "Region " + region)
                    .Describe($"Lives in one of {string.Join(", ", countries)}")
                    .Tagged("geographic")
                    .When(s.Text(country).In(countries, ignoreCase: true));
            }
        }
    }
}
