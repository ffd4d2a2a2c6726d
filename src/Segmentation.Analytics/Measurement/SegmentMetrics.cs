namespace Segmentation.Analytics.Measurement;

/// <summary>The outcome metrics of a segment, or of the whole population when <see cref="SegmentId"/> is <see langword="null"/>.</summary>
public sealed record SegmentMetrics
{
    /// <summary>Gets the segment id, or <see langword="null"/> for the whole population.</summary>
    public string? SegmentId { get; init; }

    /// <summary>Gets the number of profiles.</summary>
    public int Size { get; init; }

    /// <summary>Gets the share of the population in the segment (<see cref="Size"/> / population size).</summary>
    public double Share { get; init; }

    /// <summary>Gets the number of profiles that converted.</summary>
    public int Conversions { get; init; }

    /// <summary>Gets the conversion rate (<see cref="Conversions"/> / <see cref="Size"/>).</summary>
    public double ConversionRate { get; init; }

    /// <summary>Gets the total revenue.</summary>
    public decimal Revenue { get; init; }

    /// <summary>Gets the total number of orders.</summary>
    public int Orders { get; init; }

    /// <summary>Gets the average order value (<see cref="Revenue"/> / <see cref="Orders"/>), or <see langword="null"/> when there is no order.</summary>
    public decimal? AverageOrderValue { get; init; }

    /// <summary>Gets the number of retained profiles.</summary>
    public int Retained { get; init; }

    /// <summary>Gets the retention rate (<see cref="Retained"/> / <see cref="Size"/>).</summary>
    public double RetentionRate { get; init; }

    /// <summary>
    /// Gets the conversion lift against the whole population (segment rate / population rate; 1 means no lift), or
    /// <see langword="null"/> when nobody in the population converted.
    /// </summary>
    public double? ConversionLift { get; init; }
}
