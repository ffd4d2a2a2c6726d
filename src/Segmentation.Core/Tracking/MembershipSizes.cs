namespace Segmentation.Core.Tracking;

/// <summary>Turns counted changes into segment sizes as of each run: one rule for every store.</summary>
public static class MembershipSizes
{
    /// <summary>
    /// Computes the sizes as of each run from the history: each change adds one member to the ids it joins and removes one
    /// from the ids it leaves (see <see cref="MembershipHistoryEntry.Affects"/>), counted up to the run's as-of.
    /// </summary>
    /// <param name="runs">The runs, in the order to report them.</param>
    /// <param name="counted">Changes with how many times each occurred (a store may group identical changes), in any order.</param>
    /// <returns>Per run, the sizes.</returns>
    public static IReadOnlyList<RunSegmentSizes> AtRuns(IReadOnlyList<TrackingRun> runs, IEnumerable<KeyValuePair<MembershipHistoryEntry, long>> counted)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(counted);
        var deltas = new SortedDictionary<DateTimeOffset, Dictionary<string, long>>();
        foreach (var (entry, count) in counted)
        {
            if (!deltas.TryGetValue(entry.AsOf, out var atInstant))
            {
                deltas[entry.AsOf] = atInstant = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            foreach (var (id, joined) in entry.Effects())
            {
                atInstant[id] = atInstant.GetValueOrDefault(id) + (joined ? count : -count);
            }
        }

        var instants = deltas.Keys.ToArray();
        var result = new List<RunSegmentSizes>(runs.Count);
        foreach (var run in runs)
        {
            var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var instant in instants.TakeWhile(i => i <= run.AsOf))
            {
                foreach (var (id, delta) in deltas[instant])
                {
                    sizes[id] = sizes.GetValueOrDefault(id) + delta;
                }
            }

            result.Add(new RunSegmentSizes(run, sizes.Where(p => p.Value != 0).ToDictionary(StringComparer.Ordinal)));
        }

        return result;
    }
}
