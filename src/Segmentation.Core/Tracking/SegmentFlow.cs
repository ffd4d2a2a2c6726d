namespace Segmentation.Core.Tracking;

/// <summary>How many profiles entered and exited a segment between two consecutive back-test instants.</summary>
/// <param name="SegmentId">The segment, group or group member id.</param>
/// <param name="Entered">Profiles out (or faulted) at the earlier instant and in at the later one.</param>
/// <param name="Exited">Profiles in at the earlier instant and out (or faulted) at the later one.</param>
/// <param name="Stayed">Profiles in at both instants.</param>
public sealed record SegmentFlow(string SegmentId, int Entered, int Exited, int Stayed);
