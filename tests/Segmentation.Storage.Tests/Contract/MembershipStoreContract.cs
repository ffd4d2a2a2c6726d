using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using Segmentation.Storage.Tests.Support;
using Segmentation.Storage.Workload;

namespace Segmentation.Storage.Tests.Contract;

/// <summary>
/// The contract every membership store follows, run against each store (in-memory, SQLite, PostgreSQL) on a real,
/// empty database: versions and compare-and-swap, stale as-of, runs, history queries, concurrency, back-tests.
/// </summary>
public abstract partial class MembershipStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<object> opened = [];

    /// <summary>Opens a new, empty database.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Opens a store instance on the database (a second call gives a second instance, as a second app instance would).</summary>
    protected abstract object OpenStore();

    public virtual Task InitializeAsync() => CreateDatabaseAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    protected StoreUnderTest Open()
    {
        var store = OpenStore();
        opened.Add(store);
        return new StoreUnderTest(store);
    }

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsNull()
    {
        var s = Open();

        (await s.Store.GetAsync("p1")).Should().BeNull();
        (await s.Store.GetManyAsync(["p1", "p2"])).Should().BeEmpty();
    }

    [Fact]
    public async Task CommitAsync_FirstCommit_StoresVersionOneAndRoundTripsTheSnapshot()
    {
        var s = Open();
        var asOf = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(2));

        var applied = await s.Store.CommitAsync([Commit("p1", asOf, 0, "a", "b")]);

        applied.Should().Equal(true);
        var stored = (await s.Store.GetAsync("p1"))!;
        stored.Version.Should().Be(1);
        stored.AsOf.Should().Be(asOf);
        stored.AsOf.Offset.Should().Be(TimeSpan.FromHours(2));
        stored.Memberships.Should().BeEquivalentTo("a", "b");
        stored.RunId.Should().BeNull();
        (await s.Store.GetManyAsync(["p1", "p2"])).Keys.Should().Equal("p1");
    }

    [Fact]
    public async Task CommitAsync_StaleExpectedVersion_IsRefusedAndKeepsNothing()
    {
        var s = Open();
        await s.Store.CommitAsync([Commit("p1", T0, 0, "a")]);

        var applied = await s.Store.CommitAsync(
        [
            Commit("p1", T0.AddDays(1), 0, "b") with { Changes = [Entered("p1", "b", T0.AddDays(1))] },
            Commit("p1", T0.AddDays(1), 1, "c") with { Changes = [Entered("p1", "c", T0.AddDays(1))] },
        ]);

        applied.Should().Equal(false, true);
        var stored = (await s.Store.GetAsync("p1"))!;
        stored.Version.Should().Be(2);
        stored.Memberships.Should().BeEquivalentTo("c");
        (await s.History.HistoryOfAsync("p1")).Select(e => e.SegmentId).Should().Equal("c");
    }

    [Fact]
    public async Task CommitAsync_ManyProfiles_AppliesExactlyTheCommitsWhoseVersionAndAsOfStillHold_AndRecordsOnlyTheirChanges()
    {
        var s = Open();
        await s.Store.CommitAsync([Commit("p1", T0, 0, "a"), Commit("p2", T0, 0, "a"), Commit("p3", T0, 0, "a"), Commit("p4", T0.AddDays(9), 0, "a")]);
        var later = T0.AddDays(7);
        MembershipCommit With(MembershipCommit commit) => commit with { Changes = [Entered(commit.Snapshot.ProfileId, "b", commit.Snapshot.AsOf)] };

        var applied = await s.Store.CommitAsync(
        [
            With(Commit("p5", later, 0, "b")),     // new: applies
            With(Commit("p3", later, 1, "b")),     // right version: applies
            With(Commit("p2", later, 0, "b")),     // stored already: refused
            With(Commit("p1", later, 7, "b")),     // wrong version: refused
            With(Commit("p4", later, 1, "b")),     // older as-of than stored: refused
            With(Commit("p6", later, 3, "b")),     // nothing stored, version expected: refused
        ]);

        applied.Should().Equal(true, true, false, false, false, false);
        var stored = await s.Store.GetManyAsync(["p1", "p2", "p3", "p4", "p5", "p6"]);
        stored.Keys.Should().BeEquivalentTo("p1", "p2", "p3", "p4", "p5");
        stored.Values.Select(v => (v.ProfileId, v.Version, v.AsOf, string.Join(",", v.Memberships))).Should().BeEquivalentTo(
        [
            ("p1", 1L, T0, "a"), ("p2", 1L, T0, "a"), ("p3", 2L, later, "b"), ("p4", 1L, T0.AddDays(9), "a"), ("p5", 1L, later, "b"),
        ]);
        foreach (var id in new[] { "p1", "p2", "p4", "p6" })
        {
            (await s.History.HistoryOfAsync(id)).Should().BeEmpty();
        }

        (await s.History.HistoryOfAsync("p3")).Select(e => (e.SegmentId, e.AsOf)).Should().Equal(("b", later));
        (await s.History.HistoryOfAsync("p5")).Select(e => (e.SegmentId, e.AsOf)).Should().Equal(("b", later));
    }

    [Fact]
    public async Task CommitAsync_OlderAsOfThanStored_IsRefused()
    {
        var s = Open();
        await s.Store.CommitAsync([Commit("p1", T0.AddDays(7), 0, "a")]);

        var applied = await s.Store.CommitAsync([Commit("p1", T0, 1, "b")]);

        applied.Should().Equal(false);
        (await s.Store.GetAsync("p1"))!.AsOf.Should().Be(T0.AddDays(7));
    }

    [Fact]
    public async Task CommitAsync_RunNotStarted_ThrowsNamingTheStoreAndKeepsNothing()
    {
        var s = Open();

        var act = async () => await s.Store.CommitAsync(
        [
            Commit("p1", T0, 0, "a"),
            Commit("p2", T0, 0, "a") with { Snapshot = new MembershipSnapshot("p2", T0, new HashSet<string> { "a" }) { RunId = "nope" } },
        ]);

        var error = (await act.Should().ThrowAsync<MembershipStoreException>()).Subject.Single();
        error.Operation.Should().Be("commit");
        error.Message.Should().Contain("membership store").And.Contain("run 'nope' was not started");
        (await s.Store.GetAsync("p1")).Should().BeNull();
    }

    [Fact]
    public async Task StartRunAsync_Twice_ResumesTheRunAndRefusesAnotherAsOf()
    {
        var s = Open();
        var first = await s.Store.StartRunAsync("r1", T0, T0.AddHours(1));

        var again = await s.Store.StartRunAsync("r1", T0, T0.AddHours(5));
        var other = async () => await s.Store.StartRunAsync("r1", T0.AddDays(1), T0.AddHours(5));
        var unknown = async () => await s.Store.CompleteRunAsync("r2", T0);

        again.Should().Be(first);
        again.StartedAt.Should().Be(T0.AddHours(1));
        (await other.Should().ThrowAsync<MembershipStoreException>()).Which.Message.Should().Contain("run 'r1' tracks as of");
        (await unknown.Should().ThrowAsync<MembershipStoreException>()).Which.Message.Should().Contain("run 'r2' was not started");
    }

    [Fact]
    public async Task TrackAsync_SameAsOfTwice_SecondIsUnchangedAndTheHistoryHasEachChangeOnce()
    {
        var s = Open();
        var tracker = new MembershipTracker<Customer>(TrackingWorkload.Engine(), s.Store);
        var profile = TrackingWorkload.Profiles(40).First(p => p.Orders.Count >= 3);

        var first = await tracker.TrackAsync(profile, TrackingWorkload.Week(8));
        var second = await tracker.TrackAsync(profile, TrackingWorkload.Week(8));

        first.Status.Should().Be(MembershipUpdateStatus.Saved);
        first.Changes.Should().NotBeEmpty();
        second.Status.Should().Be(MembershipUpdateStatus.Unchanged);
        second.Changes.Should().BeEmpty();
        var history = await s.History.HistoryOfAsync(profile.Id);
        history.Select(e => (e.Kind, e.SegmentId)).Should().Equal(first.Changes.Select(c => (c.Kind, c.SegmentId)));
        history.Should().OnlyContain(e => e.Reason != null && e.Reason.StartsWith(e.SegmentId, StringComparison.Ordinal));
        (await s.Store.GetAsync(profile.Id))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task TrackAsync_OlderAsOfAfterNewer_IsReportedStaleAndOverwritesNothing()
    {
        var s = Open();
        var tracker = new MembershipTracker<Customer>(TrackingWorkload.Engine(), s.Store);
        var profile = TrackingWorkload.Profiles(40)[3];
        await tracker.TrackAsync(profile, TrackingWorkload.Week(10));
        var before = await s.History.HistoryOfAsync(profile.Id);

        var update = await tracker.TrackAsync(profile, TrackingWorkload.Week(2));

        update.Status.Should().Be(MembershipUpdateStatus.Stale);
        update.Changes.Should().BeEmpty();
        update.Snapshot!.AsOf.Should().Be(TrackingWorkload.Week(10));
        (await s.Store.GetAsync(profile.Id))!.AsOf.Should().Be(TrackingWorkload.Week(10));
        (await s.History.HistoryOfAsync(profile.Id)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task TrackRunAsync_InterruptedThenResumed_CountsEveryProfileAndChangeOnce()
    {
        var s = Open();
        var engine = TrackingWorkload.Engine();
        var profiles = TrackingWorkload.Profiles(300);
        var options = new MembershipTrackerOptions { BatchSize = 50 };
        var reference = await ReferenceRunAsync(engine, profiles, TrackingWorkload.Week(6), options);

        var tracker = new MembershipTracker<Customer>(engine, s.Store, options);
        var interrupted = async () => await tracker.TrackRunAsync("w6", FailingAfter(profiles, 130), TrackingWorkload.Week(6));
        await interrupted.Should().ThrowAsync<IOException>();
        var halfway = (await s.History.RunAsync("w6"))!;
        var resumedUpdates = new List<MembershipUpdate>();
        var run = await tracker.TrackRunAsync("w6", profiles, TrackingWorkload.Week(6), u => { resumedUpdates.Add(u); return ValueTask.CompletedTask; });

        halfway.Profiles.Should().Be(100, "two batches of 50 were committed before the failure");
        halfway.CompletedAt.Should().BeNull();
        resumedUpdates.Count(u => u.Status == MembershipUpdateStatus.AlreadyTracked).Should().Be(100);
        run.CompletedAt.Should().NotBeNull();
        (run.Profiles, run.Entered, run.Exited, run.Moved, run.Faults).Should().Be((reference.Profiles, reference.Entered, reference.Exited, reference.Moved, reference.Faults));
        foreach (var profile in profiles.Take(20))
        {
            (await s.History.HistoryOfAsync(profile.Id)).Select(Key).Should().Equal((await reference.Store.HistoryOfAsync(profile.Id)).Select(Key));
        }
    }

    [Fact]
    public async Task History_WeeklyRuns_AnswerEveryQueryAsTheEngineDoesAtEachInstant()
    {
        var s = Open();
        var engine = TrackingWorkload.Engine();
        var profiles = TrackingWorkload.Profiles(200);
        var tracker = new MembershipTracker<Customer>(engine, s.Store, new MembershipTrackerOptions { BatchSize = 64 });
        const int weeks = 6;
        var expected = new List<Dictionary<string, HashSet<string>>>();
        for (var w = 0; w < weeks; w++)
        {
            await tracker.TrackRunAsync($"week-{w}", profiles, TrackingWorkload.Week(w));
            expected.Add(MembersByIdAt(engine, profiles, TrackingWorkload.Week(w)));
        }

        var sizes = await s.History.SizesAtRunsAsync();
        sizes.Select(r => r.Run.RunId).Should().Equal(Enumerable.Range(0, weeks).Select(w => $"week-{w}"));
        for (var w = 0; w < weeks; w++)
        {
            foreach (var id in engine.MembershipIds)
            {
                var members = expected[w].GetValueOrDefault(id) ?? [];
                (await s.History.MembersAsOfAsync(id, TrackingWorkload.Week(w))).Should().Equal(members.Order(StringComparer.Ordinal), $"{id} as of week {w}");
                (await s.History.MembersAsOfAsync(id, TrackingWorkload.Week(w).AddDays(3))).Should().HaveCount(members.Count, $"{id} between runs keeps week {w}'s members");
                sizes[w].SizeOf(id).Should().Be(members.Count, $"size of {id} at week {w}");
                var before = w == 0 ? [] : expected[w - 1].GetValueOrDefault(id) ?? [];
                var entered = await s.History.EnteredBetweenAsync(id, TrackingWorkload.Week(w).AddDays(-7), TrackingWorkload.Week(w));
                entered.Select(e => e.ProfileId).Should().BeEquivalentTo(members.Except(before), $"entered {id} in week {w}");
            }
        }

        (await s.History.MembersAsOfAsync("buyer", TrackingWorkload.Week(0).AddDays(-1))).Should().BeEmpty();
        foreach (var profile in profiles.Take(50))
        {
            var history = await s.History.HistoryOfAsync(profile.Id);
            HistoryChecks.Replay(history).Should().BeEquivalentTo(expected[weeks - 1].Where(p => p.Value.Contains(profile.Id)).Select(p => p.Key));
            history.Select(e => e.Sequence).Should().BeInAscendingOrder();
            history.Should().OnlyContain(e => e.RunId != null && e.RunId.StartsWith("week-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SaveBacktestAsync_ThenQueries_GiveTheReportsSizesAndFlows_AndSavingAgainReplaces()
    {
        var s = Open();
        var engine = TrackingWorkload.Engine();
        var profiles = TrackingWorkload.Profiles(150);
        var instants = Enumerable.Range(0, 5).Select(TrackingWorkload.Week).ToArray();
        var report = Backtest.Run(engine, profiles, instants);
        await s.Backtests.SaveBacktestAsync("weekly", Backtest.Run(engine, profiles.Take(10), instants));

        await s.Backtests.SaveBacktestAsync("weekly", report);

        foreach (var id in report.SegmentIds)
        {
            (await s.Backtests.BacktestSizesAsync("weekly", id)).Should().Equal(instants.Select((t, i) => new BacktestSizePoint(t, report.SizeAt(i, id))));
            (await s.Backtests.BacktestFlowsAsync("weekly", id)).Should().Equal(report.Steps.Select(step =>
                new BacktestFlowPoint(step.From, step.To, step.Segments[id].Entered, step.Segments[id].Exited, step.Segments[id].Stayed)));
        }

        (await s.Backtests.BacktestSizesAsync("other", "buyer")).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveBacktestAsync_ThenTransitionsOfAGroup_AreEachStepsMemberToMemberCounts_AsEvaluatingEachProfileGives()
    {
        var s = Open();
        var engine = TrackingWorkload.Engine();
        var profiles = TrackingWorkload.Profiles(150);
        var instants = Enumerable.Range(0, 5).Select(w => TrackingWorkload.Week(3 * w)).ToArray();
        await s.Backtests.SaveBacktestAsync("weekly", Backtest.Run(engine, profiles.Take(10), instants));
        var labels = new[] { "purchase", "consideration", "awareness", GroupTransitionMatrix.NoMember, GroupTransitionMatrix.FaultedMember };

        await s.Backtests.SaveBacktestAsync("weekly", Backtest.Run(engine, profiles, instants));

        // The reference: each profile's member at consecutive instants, counted pair by pair, in label order.
        string MemberAt(Customer profile, DateTimeOffset instant) =>
            labels.Take(3).SingleOrDefault(engine.Evaluate(profile, instant).Segments.Contains) ?? GroupTransitionMatrix.NoMember;
        var expected = new List<BacktestTransitionPoint>();
        for (var i = 0; i + 1 < instants.Length; i++)
        {
            var pairs = profiles.GroupBy(p => (From: MemberAt(p, instants[i]), To: MemberAt(p, instants[i + 1]))).ToDictionary(g => g.Key, g => g.Count());
            expected.AddRange(
                from f in labels
                from t in labels
                where pairs.ContainsKey((f, t))
                select new BacktestTransitionPoint(instants[i], instants[i + 1], f, t, pairs[(f, t)]));
        }

        var stored = await s.Backtests.BacktestTransitionsAsync("weekly", "journey-stage");

        stored.Should().Equal(expected);
        stored.Should().Contain(p => p.FromMember != p.ToMember, "the workload moves profiles between members");
        stored.GroupBy(p => p.From).Should().HaveCount(4).And.OnlyContain(step => step.Sum(p => p.Profiles) == 150);
        (await s.Backtests.BacktestTransitionsAsync("weekly", "buyer")).Should().BeEmpty();
        (await s.Backtests.BacktestTransitionsAsync("other", "journey-stage")).Should().BeEmpty();
    }

    internal static MembershipCommit Commit(string profileId, DateTimeOffset asOf, long expectedVersion, params string[] memberships) =>
        new(new MembershipSnapshot(profileId, asOf, memberships.ToHashSet(StringComparer.Ordinal)), expectedVersion, []);

    internal static MembershipChange Entered(string profileId, string segmentId, DateTimeOffset asOf) =>
        new() { Kind = MembershipChangeKind.Entered, ProfileId = profileId, SegmentId = segmentId, AsOf = asOf };

    internal static (MembershipChangeKind, string, string, string?, string?, DateTimeOffset) Key(MembershipHistoryEntry e) =>
        (e.Kind, e.ProfileId, e.SegmentId, e.FromMember, e.ToMember, e.AsOf);

    internal static Dictionary<string, HashSet<string>> MembersByIdAt(SegmentEngine<Customer> engine, IEnumerable<Customer> profiles, DateTimeOffset asOf)
    {
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            foreach (var id in engine.Evaluate(profile, asOf).Segments)
            {
                if (!members.TryGetValue(id, out var set))
                {
                    members[id] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(profile.Id);
            }
        }

        return members;
    }

    private static async Task<ReferenceRun> ReferenceRunAsync(SegmentEngine<Customer> engine, IReadOnlyList<Customer> profiles, DateTimeOffset asOf, MembershipTrackerOptions options)
    {
        var store = new InMemoryMembershipStore();
        var run = await new MembershipTracker<Customer>(engine, store, options).TrackRunAsync("reference", profiles, asOf);
        return new ReferenceRun(store, run.Profiles, run.Entered, run.Exited, run.Moved, run.Faults);
    }

    private static IEnumerable<Customer> FailingAfter(IReadOnlyList<Customer> profiles, int count)
    {
        for (var i = 0; i < profiles.Count; i++)
        {
            if (i == count)
            {
                throw new IOException("the profile source broke");
            }

            yield return profiles[i];
        }
    }

    private sealed record ReferenceRun(InMemoryMembershipStore Store, long Profiles, long Entered, long Exited, long Moved, long Faults);
}
