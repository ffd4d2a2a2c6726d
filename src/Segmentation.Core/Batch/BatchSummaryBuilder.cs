using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>Accumulates a <see cref="BatchSummary"/> from results, on the consumer's thread.</summary>
internal sealed class BatchSummaryBuilder(IReadOnlyList<string> membershipIds, DateTimeOffset asOf)
{
    private readonly long[] counts = new long[membershipIds.Count];
    private readonly Dictionary<string, long> faults = new(StringComparer.Ordinal);

    public long Profiles { get; private set; }

    public long Faulted { get; private set; }

    public void Add(SegmentationResult result)
    {
        Profiles++;
        for (var i = 0; i < counts.Length; i++)
        {
            if (result.StateOf(membershipIds[i]) == SegmentState.In)
            {
                counts[i]++;
            }
        }

        if (result.HasFaults)
        {
            Faulted++;
            foreach (var id in result.Faults.Select(f => f.SegmentId).Distinct(StringComparer.Ordinal))
            {
                faults[id] = faults.GetValueOrDefault(id) + 1;
            }
        }
    }

    public BatchSummary Build(TimeSpan duration) => new()
    {
        AsOf = asOf,
        Profiles = Profiles,
        Faulted = Faulted,
        SegmentCounts = membershipIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => counts[p.i], StringComparer.Ordinal),
        FaultsBySegment = new Dictionary<string, long>(faults, StringComparer.Ordinal),
        Duration = duration,
    };
}
