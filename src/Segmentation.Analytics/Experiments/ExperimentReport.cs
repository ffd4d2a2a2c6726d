namespace Segmentation.Analytics.Experiments;

/// <summary>The result of <see cref="Measurement.SegmentMeasurement.MeasureExperiment"/>.</summary>
/// <param name="Control">The control variant.</param>
/// <param name="ConfidenceLevel">The confidence level of the intervals.</param>
/// <param name="Population">The results over every profile in the experiment.</param>
/// <param name="Segments">The results within each segment, ordered by segment id (ordinal).</param>
public sealed record ExperimentReport(string Control, double ConfidenceLevel, SegmentExperimentResult Population, IReadOnlyList<SegmentExperimentResult> Segments)
{
    /// <summary>Gets the results within a segment.</summary>
    /// <param name="segmentId">The segment id.</param>
    /// <returns>The results.</returns>
    /// <exception cref="KeyNotFoundException">No profile of the experiment belonged to the segment.</exception>
    public SegmentExperimentResult Segment(string segmentId) =>
        Segments.FirstOrDefault(s => s.SegmentId == segmentId) ?? throw new KeyNotFoundException($"No profile of the experiment belongs to segment '{segmentId}'.");
}
