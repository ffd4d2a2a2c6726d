namespace Segmentation.Core.Tracking;

/// <summary>
/// One non-zero cell of an exclusive group's transition matrix in a stored back-test: how many profiles were in
/// <paramref name="FromMember"/> at the earlier instant and in <paramref name="ToMember"/> at the later one.
/// </summary>
/// <param name="From">The earlier instant.</param>
/// <param name="To">The later instant.</param>
/// <param name="FromMember">The member at the earlier instant, or <see cref="GroupTransitionMatrix.NoMember"/> or <see cref="GroupTransitionMatrix.FaultedMember"/>.</param>
/// <param name="ToMember">The member at the later instant, or <see cref="GroupTransitionMatrix.NoMember"/> or <see cref="GroupTransitionMatrix.FaultedMember"/>.</param>
/// <param name="Profiles">The number of profiles (never zero: empty cells are not stored).</param>
public sealed record BacktestTransitionPoint(DateTimeOffset From, DateTimeOffset To, string FromMember, string ToMember, int Profiles);
