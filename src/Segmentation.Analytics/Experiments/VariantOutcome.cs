namespace Segmentation.Analytics.Experiments;

/// <summary>The conversions of one experiment variant within a segment or the whole population.</summary>
/// <param name="Variant">The variant name.</param>
/// <param name="Size">The number of profiles.</param>
/// <param name="Conversions">The number of profiles that converted.</param>
/// <param name="ConversionRate">The conversion rate (<paramref name="Conversions"/> / <paramref name="Size"/>).</param>
public sealed record VariantOutcome(string Variant, int Size, int Conversions, double ConversionRate);
