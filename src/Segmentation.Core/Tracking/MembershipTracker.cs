using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Segmentation.Core.Engine;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Tracking;

/// <summary>
/// Tracks memberships over time: evaluates profiles as of an instant, compares the results with the memberships kept in an
/// <see cref="IMembershipStore"/>, commits the new ones and returns what changed — entries, exits and, for exclusive groups,
/// moves from one member to another. A faulted segment or group produces no change and keeps its previous state.
/// </summary>
/// <remarks>
/// Safe under concurrency: every write is a compare-and-swap on the profile's stored version, retried after a fresh read when
/// another tracker (thread, process or machine) committed first, so each change is reported and recorded exactly once. An
/// as-of older than the stored one never overwrites it: the update's status is <see cref="MembershipUpdateStatus.Stale"/>,
/// with no change. A run (<see cref="TrackRunAsync(string, IEnumerable{TProfile}, DateTimeOffset, Func{MembershipUpdate, ValueTask}?, CancellationToken)"/>)
/// can be resumed after a crash: profiles it already committed are skipped, the rest are tracked once.
/// </remarks>
/// <typeparam name="TProfile">The profile type; its catalog must name a profile id (<c>IdentifiedBy</c>).</typeparam>
public sealed partial class MembershipTracker<TProfile>
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
    /// <exception cref="ArgumentOutOfRangeException">The options' batch size is less than 1.</exception>
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
        if (this.options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.BatchSize, "MembershipTrackerOptions.BatchSize must be at least 1.");
        }
    }

    /// <summary>Evaluates a profile as of an instant, returns the changes since the stored state, and commits the new state.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>The changes; with nothing stored before, every current membership is an entry.</returns>
    /// <exception cref="InvalidOperationException">The profile's id could not be read.</exception>
    /// <exception cref="MembershipStoreException">The store failed.</exception>
    public async ValueTask<MembershipUpdate> TrackAsync(TProfile profile, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ProfileArgument.ThrowIfNull(profile);
        var update = (await TrackBatchAsync([profile], asOf, null, cancellationToken).ConfigureAwait(false))[0];
        return update.Status == MembershipUpdateStatus.Untracked
            ? throw new InvalidOperationException("The profile's id could not be read, so its memberships cannot be tracked.")
            : update;
    }

    /// <summary>
    /// Tracks several profiles as of one instant with one store read and one transaction (plus one per round of conflicts).
    /// A profile whose id cannot be read is returned as <see cref="MembershipUpdateStatus.Untracked"/>; the others go on.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>One update per profile, in order.</returns>
    /// <exception cref="MembershipStoreException">The store failed.</exception>
    public ValueTask<IReadOnlyList<MembershipUpdate>> TrackManyAsync(IReadOnlyList<TProfile> profiles, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return TrackBatchAsync(profiles, asOf, null, cancellationToken);
    }

    /// <summary>
    /// Runs a tracking run over a stream of profiles in batches: records its start, end, profile and change counts and faults
    /// in the store. Running the same run id again (after a crash, or twice) resumes it: profiles the run already committed are
    /// reported as <see cref="MembershipUpdateStatus.AlreadyTracked"/>, the others are tracked — each change exactly once.
    /// </summary>
    /// <param name="runId">The run's id, bound to <paramref name="asOf"/>.</param>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="onUpdate">Receives every profile's update, after its batch is committed; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between batches; committed batches stay committed.</param>
    /// <returns>The run as stored at its end.</returns>
    /// <exception cref="MembershipStoreException">The store failed, or the run id is bound to another as-of.</exception>
    public async ValueTask<TrackingRun> TrackRunAsync(string runId, IEnumerable<TProfile> profiles, DateTimeOffset asOf, Func<MembershipUpdate, ValueTask>? onUpdate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return await TrackRunAsync(runId, Async(profiles, cancellationToken), asOf, onUpdate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a tracking run over an asynchronous stream of profiles (see the synchronous overload).</summary>
    /// <param name="runId">The run's id, bound to <paramref name="asOf"/>.</param>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="onUpdate">Receives every profile's update, after its batch is committed; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run between batches; committed batches stay committed.</param>
    /// <returns>The run as stored at its end.</returns>
    /// <exception cref="MembershipStoreException">The store failed, or the run id is bound to another as-of.</exception>
    public async ValueTask<TrackingRun> TrackRunAsync(string runId, IAsyncEnumerable<TProfile> profiles, DateTimeOffset asOf, Func<MembershipUpdate, ValueTask>? onUpdate = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentNullException.ThrowIfNull(profiles);
        var time = options.TimeProvider;
        await store.StartRunAsync(runId, asOf, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var batch = new List<TProfile>(options.BatchSize);
        await foreach (var profile in profiles.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(profile);
            if (batch.Count == options.BatchSize)
            {
                await TrackRunBatchAsync(batch, asOf, runId, onUpdate, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await TrackRunBatchAsync(batch, asOf, runId, onUpdate, cancellationToken).ConfigureAwait(false);
        }

        return await store.CompleteRunAsync(runId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<TProfile> Async(IEnumerable<TProfile> profiles, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var profile in profiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return profile;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private async ValueTask TrackRunBatchAsync(List<TProfile> batch, DateTimeOffset asOf, string runId, Func<MembershipUpdate, ValueTask>? onUpdate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var updates = await TrackBatchAsync(batch.ToArray(), asOf, runId, cancellationToken).ConfigureAwait(false);
        if (onUpdate is not null)
        {
            foreach (var update in updates)
            {
                await onUpdate(update).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask<IReadOnlyList<MembershipUpdate>> TrackBatchAsync(IReadOnlyList<TProfile> profiles, DateTimeOffset asOf, string? runId, CancellationToken cancellationToken)
    {
        var results = Evaluate(profiles, asOf);
        var updates = new MembershipUpdate[profiles.Count];
        var pending = new List<int>(profiles.Count);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].ProfileId is null)
            {
                updates[i] = new MembershipUpdate(results[i], [], results[i].Faults, null) { Status = MembershipUpdateStatus.Untracked };
            }
            else
            {
                pending.Add(i);
            }
        }

        while (pending.Count > 0)
        {
            var ids = pending.Select(i => results[i].ProfileId!).Distinct(StringComparer.Ordinal).ToArray();
            var stored = await store.GetManyAsync(ids, cancellationToken).ConfigureAwait(false);
            var commits = new List<MembershipCommit>(pending.Count);
            var committing = new List<int>(pending.Count);
            foreach (var i in pending)
            {
                var commit = Decide(profiles[i], results[i], stored.GetValueOrDefault(results[i].ProfileId!), asOf, runId, out var settled);
                if (commit is null)
                {
                    updates[i] = settled!;
                    continue;
                }

                commits.Add(commit);
                committing.Add(i);
                updates[i] = new MembershipUpdate(results[i], commit.Changes, results[i].Faults, commit.Snapshot);
            }

            var applied = commits.Count == 0 ? [] : await store.CommitAsync(commits, cancellationToken).ConfigureAwait(false);
            pending = [.. committing.Where((_, k) => !applied[k])];
        }

        foreach (var update in updates)
        {
            foreach (var fault in update.Faults)
            {
                Log.TrackedSegmentFaulted(logger, update.Result.ProfileId ?? "(unknown)", asOf, fault.ToString());
            }
        }

        return updates;
    }

    private SegmentationResult[] Evaluate(IReadOnlyList<TProfile> profiles, DateTimeOffset asOf)
    {
        var time = options.TimeProvider;
        var results = new SegmentationResult[profiles.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var started = time.GetTimestamp();
            results[i] = engine.Evaluate(profiles[i], asOf);
            EvaluationRecorder.Record(results[i], engine.MembershipIds, time.GetElapsedTime(started), "tracking");
        }

        return results;
    }

    private MembershipCommit? Decide(TProfile profile, SegmentationResult result, MembershipSnapshot? previous, DateTimeOffset asOf, string? runId, out MembershipUpdate? settled)
    {
        settled = null;
        if (previous is not null && previous.AsOf > asOf)
        {
            settled = new MembershipUpdate(result, [], result.Faults, previous) { Status = MembershipUpdateStatus.Stale };
            return null;
        }

        if (runId is not null && previous is not null && string.Equals(previous.RunId, runId, StringComparison.Ordinal))
        {
            settled = new MembershipUpdate(result, [], result.Faults, previous) { Status = MembershipUpdateStatus.AlreadyTracked };
            return null;
        }

        var diff = new MembershipDiff<TProfile>(engine, profile, result, previous, options.IncludeExplanations);
        if (runId is null && previous is not null && previous.AsOf == asOf && diff.Changes.Count == 0 && previous.Memberships.SetEquals(diff.Now))
        {
            settled = new MembershipUpdate(result, [], result.Faults, previous) { Status = MembershipUpdateStatus.Unchanged };
            return null;
        }

        var version = previous?.Version ?? 0;
        var snapshot = new MembershipSnapshot(result.ProfileId!, asOf, diff.Now) { Version = version + 1, RunId = runId };
        return new MembershipCommit(snapshot, version, diff.Changes) { Faults = result.Faults.Count };
    }
}
