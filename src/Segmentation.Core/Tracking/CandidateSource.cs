using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>Finds the instants at which one time-dependent value could change a comparison's outcome.</summary>
internal abstract class CandidateSource<TProfile>
{
    /// <summary>Whether the source recurs forever (anniversaries, months), so it is enumerated up to a horizon.</summary>
    public abstract bool IsPeriodic { get; }

    public abstract void Collect(TProfile profile, CandidateSet candidates, long horizonTicks);

    protected static IEnumerable<decimal> Bounds(Comparison comparison) =>
        comparison.Upper is { } upper ? [comparison.Threshold, upper] : [comparison.Threshold];
}

/// <summary>
/// An aggregate over a window: every fact enters at <c>t + NewestAgo</c> (a fact dated after as-of becomes visible at
/// <c>t</c>) and leaves at <c>t + OldestAgo</c>; days-since values cross a threshold <c>T</c> at <c>t + T days</c>
/// (or one tick later for strict operators).
/// </summary>
internal sealed class AggregateCandidates<TProfile>(FactReader<TProfile> reader, AggregateSource source, Comparison comparison) : CandidateSource<TProfile>
{
    public override bool IsPeriodic => false;

    public override void Collect(TProfile profile, CandidateSet candidates, long horizonTicks)
    {
        var facts = new List<long>();
        reader.Read(profile, facts);
        var window = source.Window;
        var crossings = source.Kind is AggregateKind.DaysSinceFirst or AggregateKind.DaysSinceLast
            ? Bounds(comparison).Select(t => t * TimeSpan.TicksPerDay).SelectMany(x => new[] { Ticks(decimal.Ceiling(x)), Ticks(decimal.Floor(x) + 1) }).ToArray()
            : [];
        foreach (var t in facts)
        {
            candidates.Add(t);
            candidates.Add(t, window.NewestAgo.Ticks);
            if (window.OldestAgo is { } oldest)
            {
                candidates.Add(t, oldest.Ticks);
            }

            foreach (var crossing in crossings)
            {
                candidates.Add(t, crossing);
            }
        }
    }

    private static long Ticks(decimal value) => value >= long.MaxValue ? long.MaxValue : value <= 0 ? 0 : (long)value;
}
