using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

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
/// (or one tick later for strict operators). Between two consecutive such instants the aggregate's value, and with it
/// the comparison's outcome, is constant. Of these instants only those at which the comparison's outcome changes are
/// candidates: a sweep over the sorted facts computes the outcome at each in amortised constant time (see
/// <see cref="WindowSweep"/>), so a profile with a million facts costs a sort, not a million evaluations. When the sweep
/// cannot model the engine exactly (an accessor threw, or sums could round), every instant stays a candidate.
/// </summary>
internal sealed class AggregateCandidates<TProfile>(FactSeriesReader<TProfile> reader, AggregateSource source, Comparison comparison) : CandidateSource<TProfile>
{
    public override bool IsPeriodic => false;

    public override void Collect(TProfile profile, CandidateSet candidates, long horizonTicks)
    {
        var series = candidates.SeriesOf(reader, profile);
        var instants = Instants(series, candidates.AsOfTicks);
        // The sweep keeps counts, sums, extremes and days, not every value: kinds that read all values are not swept.
        var sweepable = (AggregateDefinitions.Of(source.Kind).Parts & AccumulatorParts.Values) == 0;
        if (!series.Exact || !sweepable || !TryAddChanges(series, instants, candidates))
        {
            foreach (var at in instants)
            {
                candidates.Add(at);
            }
        }
    }

    /// <summary>Every instant after as-of at which a fact enters or leaves the window or a days-since threshold is crossed.</summary>
    private long[] Instants(FactSeries series, long asOfTicks)
    {
        var window = source.Window;
        var crossings = source.Kind is AggregateKind.DaysSinceFirst or AggregateKind.DaysSinceLast
            ? Bounds(comparison).Select(t => t * TimeSpan.TicksPerDay).SelectMany(x => new[] { Ticks(decimal.Ceiling(x)), Ticks(decimal.Floor(x) + 1) }).ToArray()
            : [];
        var instants = new CandidateSet(asOfTicks);
        foreach (var t in series.Ticks)
        {
            instants.Add(t);
            instants.Add(t, window.NewestAgo.Ticks);
            if (window.OldestAgo is { } oldest)
            {
                instants.Add(t, oldest.Ticks);
            }

            foreach (var crossing in crossings)
            {
                instants.Add(t, crossing);
            }
        }

        return instants.Ascending();
    }

    /// <summary>Adds the instants at which the comparison's outcome differs from the outcome just before; false if the sweep failed.</summary>
    private bool TryAddChanges(FactSeries series, long[] instants, CandidateSet candidates)
    {
        var changes = new List<long>();
        try
        {
            var sweep = new WindowSweep(series, source.Window);
            var before = Outcome(sweep, candidates.AsOfTicks);
            foreach (var at in instants)
            {
                var now = Outcome(sweep, at);
                if (now != before)
                {
                    changes.Add(at);
                    before = now;
                }
            }
        }
        catch (Exception ex) when (ex is ArithmeticException or InvalidOperationException)
        {
            return false;
        }

        foreach (var at in changes)
        {
            candidates.Add(at);
        }

        return true;
    }

    /// <summary>The comparison's outcome at an instant: 0 without a value, 1 when it does not match, 2 when it does.</summary>
    private int Outcome(WindowSweep sweep, long at)
    {
        var acc = sweep.At(at);
        return AggregateDefinitions.Of(source.Kind).Value(in acc, at) is { } value ? (comparison.Matches(value) ? 2 : 1) : 0;
    }

    private static long Ticks(decimal value) => value >= long.MaxValue ? long.MaxValue : value <= 0 ? 0 : (long)value;
}
