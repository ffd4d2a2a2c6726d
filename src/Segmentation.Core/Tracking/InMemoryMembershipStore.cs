using System.Collections.Concurrent;

namespace Segmentation.Core.Tracking;

/// <summary>A thread-safe <see cref="IMembershipStore"/> in process memory, for tests, demos and single-process hosts.</summary>
public sealed class InMemoryMembershipStore : IMembershipStore
{
    private readonly ConcurrentDictionary<string, MembershipSnapshot> snapshots = new(StringComparer.Ordinal);

    /// <summary>The number of profiles saved.</summary>
    public int Count => snapshots.Count;

    /// <inheritdoc />
    public ValueTask<MembershipSnapshot?> GetAsync(string profileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profileId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(snapshots.TryGetValue(profileId, out var snapshot) ? snapshot : null);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(MembershipSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = snapshot with { Memberships = snapshot.Memberships.ToHashSet(StringComparer.Ordinal) };
        snapshots[snapshot.ProfileId] = copy;
        return ValueTask.CompletedTask;
    }
}
