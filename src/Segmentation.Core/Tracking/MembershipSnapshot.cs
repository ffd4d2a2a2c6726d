namespace Segmentation.Core.Tracking;

/// <summary>The memberships a profile had as of an instant, as a membership store keeps them.</summary>
/// <param name="ProfileId">The profile's id.</param>
/// <param name="AsOf">The instant the memberships were evaluated at.</param>
/// <param name="Memberships">The segment, group and group member ids the profile was in.</param>
public sealed record MembershipSnapshot(string ProfileId, DateTimeOffset AsOf, IReadOnlySet<string> Memberships);
