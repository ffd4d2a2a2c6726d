namespace Segmentation.Core.Tracking;

/// <summary>
/// A thread-safe <see cref="IMembershipStore"/> in process memory, for tests, demos and single-process hosts. It follows
/// the same contract as the database stores (versions, compare-and-swap, history, runs, back-tests); its state vanishes
/// with the process.
/// </summary>
public sealed class InMemoryMembershipStore : IMembershipStore, IMembershipHistory, IBacktestStore
{
    private const string Store = "in-memory membership store";
    private readonly Lock gate = new();
    private readonly Dictionary<string, MembershipSnapshot> snapshots = new(StringComparer.Ordinal);
    private readonly List<MembershipHistoryEntry> history = [];
    private readonly Dictionary<string, List<MembershipHistoryEntry>> byProfile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackingRun> runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BacktestReport> backtests = new(StringComparer.Ordinal);

    /// <summary>The number of profiles saved.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return snapshots.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<MembershipSnapshot?> GetAsync(string profileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(snapshots.GetValueOrDefault(profileId));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, MembershipSnapshot>> GetManyAsync(IReadOnlyCollection<string> profileIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, MembershipSnapshot>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var id in profileIds)
            {
                if (snapshots.TryGetValue(id, out var snapshot))
                {
                    found[id] = snapshot;
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, MembershipSnapshot>>(found);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<MembershipCommit> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        cancellationToken.ThrowIfCancellationRequested();
        var applied = new bool[commits.Count];
        lock (gate)
        {
            foreach (var runId in commits.Select(c => c.Snapshot.RunId).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (!runs.ContainsKey(runId))
                {
                    throw new MembershipStoreException(Store, "commit", $"run '{runId}' was not started");
                }
            }

            for (var i = 0; i < commits.Count; i++)
            {
                applied[i] = Apply(commits[i]);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<bool>>(applied);
    }

    /// <inheritdoc />
    public ValueTask<TrackingRun> StartRunAsync(string runId, DateTimeOffset asOf, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (runs.TryGetValue(runId, out var existing))
            {
                return existing.AsOf == asOf
                    ? ValueTask.FromResult(existing)
                    : throw new MembershipStoreException(Store, "start run", $"run '{runId}' tracks as of {existing.AsOf:O}, not {asOf:O}");
            }

            var run = new TrackingRun(runId, asOf, startedAt, null);
            runs[runId] = run;
            return ValueTask.FromResult(run);
        }
    }

    /// <inheritdoc />
    public ValueTask<TrackingRun> CompleteRunAsync(string runId, DateTimeOffset completedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!runs.TryGetValue(runId, out var run))
            {
                throw new MembershipStoreException(Store, "complete run", $"run '{runId}' was not started");
            }

            run = run with { CompletedAt = completedAt };
            runs[runId] = run;
            return ValueTask.FromResult(run);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> MembersAsOfAsync(string membershipId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membershipId);
        cancellationToken.ThrowIfCancellationRequested();
        var last = new Dictionary<string, bool>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var entry in history.Where(e => e.AsOf <= asOf))
            {
                if (entry.Affects(membershipId) is { } joined)
                {
                    last[entry.ProfileId] = joined;
                }
            }
        }

        IReadOnlyList<string> members = [.. last.Where(p => p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)];
        return ValueTask.FromResult(members);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MembershipHistoryEntry>> HistoryOfAsync(string profileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            IReadOnlyList<MembershipHistoryEntry> entries = byProfile.TryGetValue(profileId, out var list) ? [.. list] : [];
            return ValueTask.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MembershipHistoryEntry>> EnteredBetweenAsync(string membershipId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membershipId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            IReadOnlyList<MembershipHistoryEntry> entries = [.. history.Where(e => e.AsOf > from && e.AsOf <= to && e.Affects(membershipId) == true).OrderBy(e => e.AsOf).ThenBy(e => e.Sequence)];
            return ValueTask.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrackingRun>> RunsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult<IReadOnlyList<TrackingRun>>(OrderedRuns());
        }
    }

    /// <inheritdoc />
    public ValueTask<TrackingRun?> RunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(runs.GetValueOrDefault(runId));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RunSegmentSizes>> SizesAtRunsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(MembershipSizes.AtRuns(OrderedRuns(), history.Select(e => new KeyValuePair<MembershipHistoryEntry, long>(e, 1))));
        }
    }

    /// <inheritdoc />
    public ValueTask SaveBacktestAsync(string name, BacktestReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(report);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            backtests[name] = report;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BacktestSizePoint>> BacktestSizesAsync(string name, string membershipId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(membershipId);
        cancellationToken.ThrowIfCancellationRequested();
        BacktestReport? report;
        lock (gate)
        {
            report = backtests.GetValueOrDefault(name);
        }

        IReadOnlyList<BacktestSizePoint> points = report is null || !report.SegmentIds.Contains(membershipId)
            ? []
            : [.. BacktestRows.Sizes(report).Where(r => r.MembershipId == membershipId).Select(r => new BacktestSizePoint(report.Instants[r.Instant], r.Size))];
        return ValueTask.FromResult(points);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BacktestFlowPoint>> BacktestFlowsAsync(string name, string membershipId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(membershipId);
        cancellationToken.ThrowIfCancellationRequested();
        BacktestReport? report;
        lock (gate)
        {
            report = backtests.GetValueOrDefault(name);
        }

        IReadOnlyList<BacktestFlowPoint> points = report is null
            ? []
            : [.. BacktestRows.Flows(report).Where(r => r.Flow.SegmentId == membershipId)
                .Select(r => new BacktestFlowPoint(report.Steps[r.Step].From, report.Steps[r.Step].To, r.Flow.Entered, r.Flow.Exited, r.Flow.Stayed))];
        return ValueTask.FromResult(points);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BacktestTransitionPoint>> BacktestTransitionsAsync(string name, string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(groupId);
        cancellationToken.ThrowIfCancellationRequested();
        BacktestReport? report;
        lock (gate)
        {
            report = backtests.GetValueOrDefault(name);
        }

        IReadOnlyList<BacktestTransitionPoint> points = report is null
            ? []
            : [.. BacktestRows.Transitions(report).Where(r => r.GroupId == groupId).Select(r => r.Transition)];
        return ValueTask.FromResult(points);
    }

    private bool Apply(MembershipCommit commit)
    {
        var snapshot = commit.Snapshot;
        var stored = snapshots.GetValueOrDefault(snapshot.ProfileId);
        var storedVersion = stored?.Version ?? 0;
        if (storedVersion != commit.ExpectedVersion || (stored is not null && stored.AsOf > snapshot.AsOf))
        {
            return false;
        }

        snapshots[snapshot.ProfileId] = snapshot with
        {
            Memberships = snapshot.Memberships.ToHashSet(StringComparer.Ordinal),
            Version = storedVersion + 1,
        };
        if (!byProfile.TryGetValue(snapshot.ProfileId, out var profileHistory))
        {
            byProfile[snapshot.ProfileId] = profileHistory = [];
        }

        foreach (var change in commit.Changes)
        {
            var entry = MembershipHistoryEntry.From(history.Count + 1, change, snapshot.RunId);
            history.Add(entry);
            profileHistory.Add(entry);
        }

        if (snapshot.RunId is { } runId)
        {
            runs[runId] = runs[runId].Add(commit);
        }

        return true;
    }

    private List<TrackingRun> OrderedRuns() => [.. runs.Values.OrderBy(r => r.AsOf).ThenBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)];
}
