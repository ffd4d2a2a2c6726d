namespace Segmentation.Core.Tracking;

/// <summary>A segment's size at one instant of a stored back-test.</summary>
/// <param name="Instant">The instant.</param>
/// <param name="Size">The number of members.</param>
public sealed record BacktestSizePoint(DateTimeOffset Instant, int Size);
