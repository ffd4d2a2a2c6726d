using Segmentation.Core.Semantics;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>
/// The accumulator of one aggregate's window at ascending instants, from a sorted <see cref="FactSeries"/>: the window
/// <c>(at - OldestAgo, at - NewestAgo]</c> is a contiguous range of the sorted facts whose ends only move forward, so each
/// step costs amortised O(1) (sums from prefix sums, minimum and maximum from monotonic queues, distinct days from a
/// prefix count of day starts). It fills the same <see cref="Accumulator"/> fields the engine's scan fills, so the
/// aggregate's value comes from the one definition in <see cref="AggregateDefinitions"/>. Sums are only used when the series
/// is <see cref="FactSeries.Exact"/> (no rounding in any order of addition).
/// </summary>
internal sealed class WindowSweep
{
    private readonly long[] ticks;
    private readonly decimal[]? values;
    private readonly long newest;
    private readonly long? oldest;
    private readonly decimal[] prefix;
    private readonly int[] dayStarts;
    private readonly int[] dayEnd;
    private readonly int[] minQueue;
    private readonly int[] maxQueue;
    private int minHead;
    private int minTail;
    private int maxHead;
    private int maxTail;
    private int lo;
    private int hi;
    private long last = long.MinValue;

    public WindowSweep(FactSeries series, TimeWindow window)
    {
        ticks = series.Ticks;
        values = series.Values;
        newest = window.NewestAgo.Ticks;
        oldest = window.OldestAgo?.Ticks;
        var n = ticks.Length;
        prefix = new decimal[n + 1];
        dayStarts = new int[n + 1];
        dayEnd = new int[n];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + (values?[i] ?? 0m);
            dayStarts[i + 1] = dayStarts[i] + (i == 0 || Day(i) != Day(i - 1) ? 1 : 0);
        }

        for (var i = n - 1; i >= 0; i--)
        {
            dayEnd[i] = i + 1 < n && Day(i + 1) == Day(i) ? dayEnd[i + 1] : i + 1;
        }

        minQueue = values is null ? [] : new int[n];
        maxQueue = values is null ? [] : new int[n];
    }

    /// <summary>The accumulator of the window at <paramref name="at"/>; instants must not decrease from call to call.</summary>
    public Accumulator At(long at)
    {
        if (at < last)
        {
            throw new InvalidOperationException("A window sweep only moves forward in time.");
        }

        last = at;
        var upper = at - newest;
        while (hi < ticks.Length && ticks[hi] <= upper)
        {
            Enter(hi++);
        }

        if (oldest is { } span)
        {
            var lower = at - span;
            while (lo < hi && ticks[lo] <= lower)
            {
                lo++;
            }
        }

        var acc = Accumulator.Empty;
        if (lo == hi)
        {
            return acc;
        }

        acc.Count = hi - lo;
        acc.FirstTicks = ticks[lo];
        acc.LastTicks = ticks[hi - 1];
        acc.DistinctDays = dayStarts[hi] - dayStarts[lo + 1] + 1;
        acc.FirstDay = Day(lo);
        if (values is not null)
        {
            acc.Sum = prefix[hi] - prefix[lo];
            acc.FirstDaySum = prefix[Math.Min(dayEnd[lo], hi)] - prefix[lo];
            while (minQueue[minHead] < lo)
            {
                minHead++;
            }

            while (maxQueue[maxHead] < lo)
            {
                maxHead++;
            }

            acc.Min = values[minQueue[minHead]];
            acc.Max = values[maxQueue[maxHead]];
        }

        return acc;
    }

    private long Day(int index) => ticks[index] / TimeSpan.TicksPerDay;

    private void Enter(int index)
    {
        if (values is null)
        {
            return;
        }

        var value = values[index];
        while (minTail > minHead && values[minQueue[minTail - 1]] >= value)
        {
            minTail--;
        }

        minQueue[minTail++] = index;
        while (maxTail > maxHead && values[maxQueue[maxTail - 1]] <= value)
        {
            maxTail--;
        }

        maxQueue[maxTail++] = index;
    }
}
