namespace Segmentation.Core.Tracking;

/// <summary>Segment sizes per instant and transitions between consecutive instants, from replaying a population's history.</summary>
public sealed class BacktestReport
{
    private readonly int[][] sizes;
    private readonly Dictionary<string, int> slot;

    internal BacktestReport(IReadOnlyList<DateTimeOffset> instants, IReadOnlyList<string> segmentIds, int profiles, int[][] sizes, int[] faulted, IReadOnlyList<BacktestStep> steps)
    {
        Instants = instants;
        SegmentIds = segmentIds;
        Profiles = profiles;
        this.sizes = sizes;
        Faulted = faulted;
        Steps = steps;
        slot = segmentIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The instants, in the order given.</summary>
    public IReadOnlyList<DateTimeOffset> Instants { get; }

    /// <summary>Every segment, group and group member id.</summary>
    public IReadOnlyList<string> SegmentIds { get; }

    /// <summary>The number of profiles replayed.</summary>
    public int Profiles { get; }

    /// <summary>The number of profiles with a fault, per instant.</summary>
    public IReadOnlyList<int> Faulted { get; }

    /// <summary>The transitions between instant <c>i</c> and <c>i + 1</c>, at index <c>i</c>.</summary>
    public IReadOnlyList<BacktestStep> Steps { get; }

    /// <summary>The number of members of a segment, group or group member as of an instant.</summary>
    /// <param name="instant">The index of the instant in <see cref="Instants"/>.</param>
    /// <param name="segmentId">The id.</param>
    /// <returns>The size.</returns>
    /// <exception cref="ArgumentException">The id is not in the catalog.</exception>
    public int SizeAt(int instant, string segmentId)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        return slot.TryGetValue(segmentId, out var i)
            ? sizes[instant][i]
            : throw new ArgumentException($"'{segmentId}' is not a segment, group or group member of this catalog.", nameof(segmentId));
    }

    /// <summary>The sizes of a segment, group or member at every instant.</summary>
    /// <param name="segmentId">The id.</param>
    /// <returns>One size per instant.</returns>
    public IReadOnlyList<int> SizesOf(string segmentId) => [.. Enumerable.Range(0, Instants.Count).Select(i => SizeAt(i, segmentId))];
}
