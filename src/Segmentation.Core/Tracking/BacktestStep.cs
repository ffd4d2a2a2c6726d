namespace Segmentation.Core.Tracking;

/// <summary>The transitions between two consecutive back-test instants.</summary>
/// <param name="From">The earlier instant.</param>
/// <param name="To">The later instant.</param>
/// <param name="Segments">Entries and exits of every segment, group and member id.</param>
/// <param name="Groups">The member-to-member matrix of every exclusive group.</param>
public sealed record BacktestStep(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, SegmentFlow> Segments,
    IReadOnlyDictionary<string, GroupTransitionMatrix> Groups);
