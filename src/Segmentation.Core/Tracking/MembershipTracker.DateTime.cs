using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <content>
/// Overloads taking the as-of instant as a <see cref="DateTime"/>, with the engine's rule (<see cref="AsOfTime.From"/>):
/// UTC and unspecified values are UTC, local ones are converted, so a tracking run means the same instant on every
/// server.
/// </content>
public sealed partial class MembershipTracker<TProfile>
{
    /// <summary>Tracks a profile as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>The changes.</returns>
    public ValueTask<MembershipUpdate> TrackAsync(TProfile profile, DateTime asOf, CancellationToken cancellationToken = default) =>
        TrackAsync(profile, AsOfTime.From(asOf), cancellationToken);

    /// <summary>Tracks several profiles as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>One update per profile, in order.</returns>
    public ValueTask<IReadOnlyList<MembershipUpdate>> TrackManyAsync(IReadOnlyList<TProfile> profiles, DateTime asOf, CancellationToken cancellationToken = default) =>
        TrackManyAsync(profiles, AsOfTime.From(asOf), cancellationToken);

    /// <summary>Runs a tracking run as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="runId">The run's id, bound to the as-of instant.</param>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="onUpdate">Receives every profile's update; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between batches.</param>
    /// <returns>The run as stored at its end.</returns>
    public ValueTask<TrackingRun> TrackRunAsync(string runId, IEnumerable<TProfile> profiles, DateTime asOf, Func<MembershipUpdate, ValueTask>? onUpdate = null, CancellationToken cancellationToken = default) =>
        TrackRunAsync(runId, profiles, AsOfTime.From(asOf), onUpdate, cancellationToken);

    /// <summary>Runs a tracking run over an asynchronous stream as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="runId">The run's id, bound to the as-of instant.</param>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="onUpdate">Receives every profile's update; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between batches.</param>
    /// <returns>The run as stored at its end.</returns>
    public ValueTask<TrackingRun> TrackRunAsync(string runId, IAsyncEnumerable<TProfile> profiles, DateTime asOf, Func<MembershipUpdate, ValueTask>? onUpdate = null, CancellationToken cancellationToken = default) =>
        TrackRunAsync(runId, profiles, AsOfTime.From(asOf), onUpdate, cancellationToken);
}
