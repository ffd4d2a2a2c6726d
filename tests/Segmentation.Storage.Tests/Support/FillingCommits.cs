using Segmentation.Core.Tracking;

namespace Segmentation.Storage.Tests.Support;

/// <summary>Commits that fill a store fast (many change rows each), committed until the storage is full.</summary>
internal static class FillingCommits
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Batch <paramref name="batch"/>: 20 new profiles, each entering 40 segments.</summary>
    public static MembershipCommit[] Batch(int batch) =>
    [
        .. Enumerable.Range(batch * 20, 20).Select(i =>
        {
            var id = $"profile-{i:D6}";
            var segments = Enumerable.Range(0, 40).Select(k => $"a-segment-with-a-rather-long-name-{k:D2}").ToArray();
            return new MembershipCommit(
                new MembershipSnapshot(id, AsOf, segments.ToHashSet(StringComparer.Ordinal)),
                0,
                [.. segments.Select(s => new MembershipChange { Kind = MembershipChangeKind.Entered, ProfileId = id, SegmentId = s, AsOf = AsOf })]);
        }),
    ];

    /// <summary>Commits batches 0, 1, … until one fails; returns the failure and the number of batches committed before it.</summary>
    public static async Task<(MembershipStoreException Error, int Committed)> UntilFullAsync(IMembershipStore store, int maxBatches = 2_000)
    {
        for (var batch = 0; batch < maxBatches; batch++)
        {
            try
            {
                (await store.CommitAsync(Batch(batch))).Should().OnlyContain(applied => applied);
            }
            catch (MembershipStoreException error)
            {
                return (error, batch);
            }
        }

        throw new InvalidOperationException($"{maxBatches} batches fitted: the storage never became full");
    }

    /// <summary>Checks that batches before <paramref name="committed"/> are stored whole and the failed one not at all.</summary>
    public static async Task ShouldHoldExactlyAsync(IMembershipStore store, IMembershipHistory history, int committed)
    {
        committed.Should().BeGreaterThan(0, "the first commits fit");
        var kept = await store.GetManyAsync([.. Enumerable.Range(0, committed * 20).Select(i => $"profile-{i:D6}")]);
        kept.Should().HaveCount(committed * 20);
        kept.Values.Should().OnlyContain(s => s.Version == 1 && s.Memberships.Count == 40);
        (await history.HistoryOfAsync($"profile-{(committed * 20) - 1:D6}")).Should().HaveCount(40);
        var failed = Batch(committed).Select(c => c.Snapshot.ProfileId).ToArray();
        (await store.GetManyAsync(failed)).Should().BeEmpty();
        foreach (var id in failed)
        {
            (await history.HistoryOfAsync(id)).Should().BeEmpty();
        }
    }
}
