namespace Segmentation.Core.Tracking;

/// <summary>Keeps the last known memberships of each profile, so a <see cref="MembershipTracker{TProfile}"/> can tell what changed.</summary>
public interface IMembershipStore
{
    /// <summary>Gets the last saved memberships of a profile.</summary>
    /// <param name="profileId">The profile's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot, or <see langword="null"/> when the profile was never saved.</returns>
    ValueTask<MembershipSnapshot?> GetAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>Saves a profile's memberships, replacing what was saved before.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the snapshot is saved.</returns>
    ValueTask SaveAsync(MembershipSnapshot snapshot, CancellationToken cancellationToken = default);
}
