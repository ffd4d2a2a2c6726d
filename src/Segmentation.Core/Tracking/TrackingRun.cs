namespace Segmentation.Core.Tracking;

/// <summary>A batch tracking run as a store records it: when it ran, and what it committed (each profile and change counted once, however often the run was resumed).</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="AsOf">The as-of instant the run tracks.</param>
/// <param name="StartedAt">When the run was first started.</param>
/// <param name="CompletedAt">When the run last completed, or <see langword="null"/> while it has not (running, or interrupted).</param>
public sealed record TrackingRun(string RunId, DateTimeOffset AsOf, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    /// <summary>The number of profiles committed by the run.</summary>
    public long Profiles { get; init; }

    /// <summary>The number of <see cref="MembershipChangeKind.Entered"/> changes.</summary>
    public long Entered { get; init; }

    /// <summary>The number of <see cref="MembershipChangeKind.Exited"/> changes.</summary>
    public long Exited { get; init; }

    /// <summary>The number of <see cref="MembershipChangeKind.Moved"/> changes.</summary>
    public long Moved { get; init; }

    /// <summary>The number of faulted segments and groups in the committed profiles' evaluations.</summary>
    public long Faults { get; init; }

    /// <summary>Adds a committed profile to the counters.</summary>
    /// <param name="commit">The commit.</param>
    /// <returns>The run with the counters increased.</returns>
    public TrackingRun Add(MembershipCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return this with
        {
            Profiles = Profiles + 1,
            Entered = Entered + commit.Changes.Count(c => c.Kind == MembershipChangeKind.Entered),
            Exited = Exited + commit.Changes.Count(c => c.Kind == MembershipChangeKind.Exited),
            Moved = Moved + commit.Changes.Count(c => c.Kind == MembershipChangeKind.Moved),
            Faults = Faults + commit.Faults,
        };
    }
}
