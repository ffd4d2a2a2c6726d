using System.Collections.Frozen;

namespace Segmentation.ReferenceWorkload;

/// <summary>
/// The fixed constants of the reference workload (see <c>REFERENCE-WORKLOAD.md</c>): the as-of instant,
/// countries, cities, categories and interests.
/// </summary>
public static class Workload
{
    /// <summary>The as-of instant: 2026-11-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The as-of instant as a UTC <see cref="DateTime"/>.</summary>
    public static readonly DateTime AsOfUtc = AsOf.UtcDateTime;

    /// <summary>The 27 EU member states as ISO 3166-1 alpha-2 codes (Greece is <c>GR</c>).</summary>
    public static readonly FrozenSet<string> EuCountries = new[]
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The 20 countries customers live in: the first 10 are EU members, the last 10 are not.</summary>
    public static readonly IReadOnlyList<string> Countries =
    [
        "DE", "FR", "IT", "ES", "NL", "PL", "SE", "BE", "AT", "IE",
        "US", "GB", "CA", "AU", "CH", "NO", "JP", "BR", "IN", "MX",
    ];

    /// <summary>The 30 cities, each with its country (one of <see cref="Countries"/>).</summary>
    public static readonly IReadOnlyList<(string City, string Country)> Cities =
    [
        ("Berlin", "DE"), ("Munich", "DE"), ("Paris", "FR"), ("Lyon", "FR"), ("Milan", "IT"),
        ("Rome", "IT"), ("Madrid", "ES"), ("Barcelona", "ES"), ("Amsterdam", "NL"), ("Rotterdam", "NL"),
        ("Warsaw", "PL"), ("Stockholm", "SE"), ("Brussels", "BE"), ("Vienna", "AT"), ("Dublin", "IE"),
        ("New York", "US"), ("Chicago", "US"), ("Austin", "US"), ("Seattle", "US"), ("London", "GB"),
        ("Manchester", "GB"), ("Toronto", "CA"), ("Sydney", "AU"), ("Zurich", "CH"), ("Oslo", "NO"),
        ("Tokyo", "JP"), ("Osaka", "JP"), ("Sao Paulo", "BR"), ("Mumbai", "IN"), ("Mexico City", "MX"),
    ];

    /// <summary>The fixed set of 10 "urban" cities used by the young-urban segment.</summary>
    public static readonly FrozenSet<string> UrbanCities = new[]
    {
        "Berlin", "Paris", "Madrid", "Amsterdam", "Milan", "London", "New York", "Toronto", "Sydney", "Tokyo",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The category of outdoor products, also an interest.</summary>
    public const string Outdoor = "outdoor";

    /// <summary>The 8 product categories.</summary>
    public static readonly IReadOnlyList<string> Categories =
        [Outdoor, "electronics", "apparel", "home", "beauty", "books", "grocery", "toys"];

    /// <summary>The 10 interests a customer may declare.</summary>
    public static readonly IReadOnlyList<string> Interests =
        [Outdoor, "fitness", "cooking", "travel", "fashion", "gaming", "music", "reading", "tech", "gardening"];

    /// <summary>The genders.</summary>
    public static readonly IReadOnlyList<string> Genders = ["F", "M", "X"];

    /// <summary>
    /// The age in completed years on the UTC date of <paramref name="asOfUtc"/>. Someone born on 29 February
    /// becomes a year older on 1 March in non-leap years.
    /// </summary>
    public static int AgeAt(DateTime birthDate, DateTime asOfUtc)
    {
        var age = asOfUtc.Year - birthDate.Year;
        if (asOfUtc.Month < birthDate.Month || (asOfUtc.Month == birthDate.Month && asOfUtc.Day < birthDate.Day))
        {
            age--;
        }

        return age;
    }
}
