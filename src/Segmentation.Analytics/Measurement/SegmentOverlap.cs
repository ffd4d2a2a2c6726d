namespace Segmentation.Analytics.Measurement;

/// <summary>How much two segments overlap.</summary>
/// <param name="First">The first segment id (ordinal order: <c>First &lt; Second</c>).</param>
/// <param name="Second">The second segment id.</param>
/// <param name="Both">The number of profiles in both segments.</param>
/// <param name="Jaccard">The Jaccard index: <paramref name="Both"/> / the number of profiles in either segment.</param>
public sealed record SegmentOverlap(string First, string Second, int Both, double Jaccard);
