using System.Collections.Concurrent;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using Segmentation.Storage.Tests.Support;
using Segmentation.Storage.Workload;

namespace Segmentation.Storage.Tests.Contract;

/// <summary>Concurrency: 8 trackers, each with its own store instance (as 8 app instances would have), on the same 2,000 profiles.</summary>
public abstract partial class MembershipStoreContract
{
    private const int Trackers = 8;
    private const int ProfileCount = 2000;
    private static readonly MembershipTrackerOptions Fast = new() { IncludeExplanations = false };

    [Fact]
    public async Task EightTrackers_SameProfilesAndAsOf_ReportAndRecordEveryChangeExactlyOnce()
    {
        var engine = TrackingWorkload.Engine();
        var profiles = TrackingWorkload.Profiles(ProfileCount);
        var expected = await ReferenceChangesAsync(engine, profiles, [TrackingWorkload.Week(4), TrackingWorkload.Week(9)]);
        var reported = new ConcurrentBag<MembershipChange>();

        foreach (var asOf in new[] { TrackingWorkload.Week(4), TrackingWorkload.Week(9) })
        {
            await Task.WhenAll(Enumerable.Range(0, Trackers).Select(k => Task.Run(async () =>
            {
                foreach (var update in await TrackInBatchesAsync(engine, Open(), SameOrder(profiles, k), asOf))
                {
                    foreach (var change in update.Changes)
                    {
                        reported.Add(change);
                    }
                }
            })));
        }

        var recorded = await AllHistoryAsync(Open(), profiles);
        var expectedText = Sorted(expected);
        expectedText.Should().HaveCountGreaterThan(ProfileCount);
        Sorted(reported.Select(c => (c.Kind, c.ProfileId, c.SegmentId, c.FromMember, c.ToMember, c.AsOf))).Should().Equal(expectedText, "every change is reported once");
        Sorted(recorded.Select(Key)).Should().Equal(expectedText, "every change is recorded once");
    }

    [Fact]
    public async Task EightTrackers_OlderAndNewerAsOfRacing_NewerWinsAndEveryHistoryIsConsistent()
    {
        var engine = TrackingWorkload.Engine();
        var profiles = TrackingWorkload.Profiles(ProfileCount);
        await TrackInBatchesAsync(engine, Open(), profiles, TrackingWorkload.Week(2));

        // Some profiles are at week 9 before the race, so week 5 certainly comes after week 9 for them (on a busy 2-core
        // machine the week-5 trackers could otherwise finish before a week-9 one starts, and the stale path go untested).
        await TrackInBatchesAsync(engine, Open(), [.. profiles.Take(100)], TrackingWorkload.Week(9));
        var stale = 0;

        await Task.WhenAll(Enumerable.Range(0, Trackers).Select(k => Task.Run(async () =>
        {
            var asOf = k % 2 == 0 ? TrackingWorkload.Week(9) : TrackingWorkload.Week(5);
            var updates = await TrackInBatchesAsync(engine, Open(), SameOrder(profiles, k), asOf);
            Interlocked.Add(ref stale, updates.Count(u => u.Status == MembershipUpdateStatus.Stale));
        })));

        var s = Open();
        var stored = await s.Store.GetManyAsync([.. profiles.Select(p => p.Id)]);
        stored.Values.Should().OnlyContain(snapshot => snapshot.AsOf == TrackingWorkload.Week(9), "an older as-of never overwrites a newer one");
        stale.Should().BeGreaterThanOrEqualTo(100, "week 5 came after week 9 for at least the profiles tracked at week 9 before the race");
        var final = MembersByIdAt(engine, profiles, TrackingWorkload.Week(9));
        foreach (var profile in profiles)
        {
            var history = await s.History.HistoryOfAsync(profile.Id);
            history.Select(e => e.AsOf).Should().BeInAscendingOrder();
            HistoryChecks.Replay(history).Should().BeEquivalentTo(final.Where(p => p.Value.Contains(profile.Id)).Select(p => p.Key), profile.Id);
            stored[profile.Id].Memberships.Should().BeEquivalentTo(final.Where(p => p.Value.Contains(profile.Id)).Select(p => p.Key));
        }
    }

    private static async Task<List<MembershipUpdate>> TrackInBatchesAsync(SegmentEngine<Customer> engine, StoreUnderTest s, IReadOnlyList<Customer> profiles, DateTimeOffset asOf)
    {
        var tracker = new MembershipTracker<Customer>(engine, s.Store, Fast);
        var updates = new List<MembershipUpdate>(profiles.Count);
        foreach (var batch in profiles.Chunk(50))
        {
            updates.AddRange(await tracker.TrackManyAsync(batch, asOf));
        }

        return updates;
    }

    private static List<string> Sorted(IEnumerable<(MembershipChangeKind, string, string, string?, string?, DateTimeOffset)> changes) =>
        [.. changes.Select(c => c.ToString()).Order(StringComparer.Ordinal)];

    // Every tracker walks the profiles in the same order, in small batches, so that they race on the same profiles at the same time.
    private static IReadOnlyList<Customer> SameOrder(IReadOnlyList<Customer> profiles, int k) => k >= 0 ? profiles : [];

    private static async Task<List<MembershipHistoryEntry>> AllHistoryAsync(StoreUnderTest s, IEnumerable<Customer> profiles)
    {
        var all = new List<MembershipHistoryEntry>();
        foreach (var profile in profiles)
        {
            all.AddRange(await s.History.HistoryOfAsync(profile.Id));
        }

        return all;
    }

    private static async Task<List<(MembershipChangeKind, string, string, string?, string?, DateTimeOffset)>> ReferenceChangesAsync(
        SegmentEngine<Customer> engine, IReadOnlyList<Customer> profiles, IEnumerable<DateTimeOffset> instants)
    {
        var tracker = new MembershipTracker<Customer>(engine, new InMemoryMembershipStore(), Fast);
        var changes = new List<(MembershipChangeKind, string, string, string?, string?, DateTimeOffset)>();
        foreach (var asOf in instants)
        {
            foreach (var profile in profiles)
            {
                changes.AddRange((await tracker.TrackAsync(profile, asOf)).Changes.Select(c => (c.Kind, c.ProfileId, c.SegmentId, c.FromMember, c.ToMember, c.AsOf)));
            }
        }

        return changes;
    }
}
