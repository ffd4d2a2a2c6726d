namespace Segmentation.Core.Tracking;

/// <summary>The sizes of segments as of a tracking run's as-of.</summary>
/// <param name="Run">The run.</param>
/// <param name="Sizes">The number of members by segment, group and group member id.</param>
public sealed record RunSegmentSizes(TrackingRun Run, IReadOnlyDictionary<string, long> Sizes)
{
    /// <summary>The size of one id, 0 when it has no member.</summary>
    /// <param name="membershipId">The segment, group or group member id.</param>
    /// <returns>The size.</returns>
    public long SizeOf(string membershipId) => Sizes.TryGetValue(membershipId, out var size) ? size : 0;
}
