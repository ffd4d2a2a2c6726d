namespace Segmentation.Analytics.Starter;

/// <summary>Country sets for <see cref="StarterOptions.Regions"/>, as ISO 3166-1 alpha-2 codes.</summary>
public static class StarterRegions
{
    /// <summary>The 27 member states of the European Union (2020 onwards).</summary>
    public static IReadOnlyList<string> EuropeanUnion { get; } =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ];
}
