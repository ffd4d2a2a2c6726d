namespace Segmentation.Core.Tracking;

/// <summary>A segment's entries, exits and stays between two consecutive instants of a stored back-test.</summary>
/// <param name="From">The earlier instant.</param>
/// <param name="To">The later instant.</param>
/// <param name="Entered">Profiles that joined.</param>
/// <param name="Exited">Profiles that left.</param>
/// <param name="Stayed">Profiles in at both instants.</param>
public sealed record BacktestFlowPoint(DateTimeOffset From, DateTimeOffset To, int Entered, int Exited, int Stayed);
