namespace Segmentation.Analytics.Measurement;

/// <summary>The result of <see cref="SegmentMeasurement.Measure"/>.</summary>
/// <param name="Population">The metrics of the whole population.</param>
/// <param name="Segments">The metrics of every segment any profile belonged to, ordered by segment id (ordinal).</param>
/// <param name="Overlaps">The overlap of every pair of segments (including pairs that share no profile), ordered by ids.</param>
public sealed record SegmentReport(SegmentMetrics Population, IReadOnlyList<SegmentMetrics> Segments, IReadOnlyList<SegmentOverlap> Overlaps)
{
    /// <summary>Gets the metrics of a segment.</summary>
    /// <param name="segmentId">The segment id.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="KeyNotFoundException">No profile belonged to the segment.</exception>
    public SegmentMetrics Segment(string segmentId) =>
        Segments.FirstOrDefault(s => s.SegmentId == segmentId) ?? throw new KeyNotFoundException($"No profile belongs to segment '{segmentId}'.");

    /// <summary>Gets the overlap of two segments, in either order.</summary>
    /// <param name="first">One segment id.</param>
    /// <param name="second">The other segment id.</param>
    /// <returns>The overlap.</returns>
    /// <exception cref="KeyNotFoundException">The pair is not in the report.</exception>
    public SegmentOverlap Overlap(string first, string second) =>
        Overlaps.FirstOrDefault(o => (o.First == first && o.Second == second) || (o.First == second && o.Second == first))
        ?? throw new KeyNotFoundException($"No overlap between '{first}' and '{second}' in the report.");
}
