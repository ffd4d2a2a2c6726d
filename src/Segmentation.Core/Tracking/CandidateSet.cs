namespace Segmentation.Core.Tracking;

/// <summary>Candidate instants (UTC ticks) strictly after as-of, where a membership might change.</summary>
internal sealed class CandidateSet(long asOfTicks)
{
    private const long MaxTicks = 3_155_378_975_999_999_999L;

    private readonly List<long> ticks = [];
    private Dictionary<object, FactSeries>? series;

    public long AsOfTicks { get; } = asOfTicks;

    public long Latest { get; private set; } = asOfTicks;

    public int Count => ticks.Count;

    /// <summary>
    /// The profile's facts for one reader, read once per analysis: aggregates over the same collection, filter and selector
    /// share one sorted series.
    /// </summary>
    public FactSeries SeriesOf<TProfile>(FactSeriesReader<TProfile> reader, TProfile profile)
    {
        series ??= new Dictionary<object, FactSeries>(ReferenceEqualityComparer.Instance);
        if (!series.TryGetValue(reader, out var read))
        {
            read = reader.Read(profile);
            series[reader] = read;
        }

        return read;
    }

    public void Add(long at)
    {
        if (at > AsOfTicks && at <= MaxTicks)
        {
            ticks.Add(at);
            Latest = Math.Max(Latest, at);
        }
    }

    /// <summary>Adds <c>at + offset</c> when it is a valid instant (no overflow, within the range of <see cref="DateTime"/>).</summary>
    public void Add(long at, long offset)
    {
        if (offset >= 0 ? offset <= MaxTicks - at : at >= -offset)
        {
            Add(at + offset);
        }
    }

    public long[] Ascending()
    {
        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        var count = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[count - 1])
            {
                sorted[count++] = sorted[i];
            }
        }

        return sorted[..count];
    }
}
