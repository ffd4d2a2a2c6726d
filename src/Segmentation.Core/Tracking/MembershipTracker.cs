using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Segmentation.Core.Engine;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Tracking;

/// <summary>
/// Tracks memberships over time: evaluates a profile as of an instant, compares the result with the memberships kept in an
/// <see cref="IMembershipStore"/>, saves the new ones and returns what changed — entries, exits and, for exclusive groups,
/// moves from one member to another. A faulted segment or group produces no change and keeps its previous state.
/// </summary>
/// <typeparam name="TProfile">The profile type; its catalog must name a profile id (<c>IdentifiedBy</c>).</typeparam>
public sealed class MembershipTracker<TProfile>
{
    private readonly SegmentEngine<TProfile> engine;
    private readonly IMembershipStore store;
    private readonly MembershipTrackerOptions options;
    private readonly ILogger logger;

    /// <summary>Creates a tracker.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="store">Where previous memberships are kept.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives a warning per faulted segment; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The engine's catalog names no profile id.</exception>
    public MembershipTracker(SegmentEngine<TProfile> engine, IMembershipStore store, MembershipTrackerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        if (engine.RuleSet.Definition.ProfileId is null)
        {
            throw new ArgumentException("Tracking needs profile ids: name one in the catalog with IdentifiedBy.", nameof(engine));
        }

        this.engine = engine;
        this.store = store;
        this.options = options ?? new MembershipTrackerOptions();
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Evaluates a profile as of an instant, returns the changes since the stored state, and saves the new state.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>The changes; with nothing stored before, every current membership is an entry.</returns>
    /// <exception cref="InvalidOperationException">The profile's id could not be read.</exception>
    public async ValueTask<MembershipUpdate> TrackAsync(TProfile profile, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var result = engine.Evaluate(profile, asOf);
        EvaluationRecorder.Record(result, engine.MembershipIds, time.GetElapsedTime(started), "tracking");
        var profileId = result.ProfileId ?? throw new InvalidOperationException("The profile's id could not be read, so its memberships cannot be tracked.");
        var previous = await store.GetAsync(profileId, cancellationToken).ConfigureAwait(false);
        var diff = new MembershipDiff<TProfile>(engine, profile, result, previous, options.IncludeExplanations);
        var snapshot = new MembershipSnapshot(profileId, asOf, diff.Now);
        await store.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
        foreach (var fault in result.Faults)
        {
            Log.TrackedSegmentFaulted(logger, profileId, asOf, fault.ToString());
        }

        return new MembershipUpdate(result, diff.Changes, result.Faults, snapshot);
    }
}
