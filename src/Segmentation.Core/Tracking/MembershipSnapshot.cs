namespace Segmentation.Core.Tracking;

/// <summary>The memberships a profile had as of an instant, as a membership store keeps them.</summary>
/// <param name="ProfileId">The profile's id.</param>
/// <param name="AsOf">The instant the memberships were evaluated at.</param>
/// <param name="Memberships">The segment, group and group member ids the profile was in.</param>
public sealed record MembershipSnapshot(string ProfileId, DateTimeOffset AsOf, IReadOnlySet<string> Memberships)
{
    /// <summary>The stored version: 1 for the first commit of the profile, one more for each commit after it; 0 before it is stored.</summary>
    public long Version { get; init; }

    /// <summary>The tracking run that stored this snapshot, or <see langword="null"/> for tracking outside a run.</summary>
    public string? RunId { get; init; }
}
