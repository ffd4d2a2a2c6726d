namespace Segmentation.Core.Engine.Network;

/// <summary>Computes every accumulator of one dated collection in a single pass over its items.</summary>
internal abstract class CollectionScanner<TProfile>(string name, AccumulatorSpec[] specs)
{
    public string Name { get; } = name;

    public AccumulatorSpec[] Specs { get; } = specs;

    public void Scan(Frame<TProfile> frame)
    {
        foreach (var spec in Specs)
        {
            frame.Accumulators[spec.Slot].Reset();
            frame.Lower[spec.Slot] = spec.Lower(frame.AsOfTicks);
            frame.Upper[spec.Slot] = spec.Upper(frame.AsOfTicks);
            if (spec.DayBuffer >= 0)
            {
                frame.DayCounts[spec.DayBuffer] = 0;
            }
        }

        try
        {
            ScanAll(frame);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ScanIsolated(frame);
        }

        foreach (var spec in Specs)
        {
            if (spec.DayBuffer >= 0 && frame.Accumulators[spec.Slot].Fault is null)
            {
                frame.Accumulators[spec.Slot].DistinctDays = CountDistinct(frame.DayBuffers[spec.DayBuffer].AsSpan(0, frame.DayCounts[spec.DayBuffer]));
            }
        }
    }

    protected abstract void ScanAll(Frame<TProfile> frame);

    protected static void AddDay(Frame<TProfile> frame, int buffer, long ticks) => AddDayTo(frame, buffer, ticks);

    protected abstract void ScanOne(Frame<TProfile> frame, AccumulatorSpec spec);

    internal static void AddDayTo(Frame<TProfile> frame, int buffer, long ticks)
    {
        var days = frame.DayBuffers[buffer];
        var count = frame.DayCounts[buffer];
        if (count == days.Length)
        {
            Array.Resize(ref days, days.Length * 2);
            frame.DayBuffers[buffer] = days;
        }

        days[count] = ticks / TimeSpan.TicksPerDay;
        frame.DayCounts[buffer] = count + 1;
    }

    private static int CountDistinct(Span<long> days)
    {
        if (days.IsEmpty)
        {
            return 0;
        }

        days.Sort();
        var distinct = 1;
        for (var i = 1; i < days.Length; i++)
        {
            distinct += days[i] != days[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    private void ScanIsolated(Frame<TProfile> frame)
    {
        foreach (var spec in Specs)
        {
            frame.Accumulators[spec.Slot].Reset();
            if (spec.DayBuffer >= 0)
            {
                frame.DayCounts[spec.DayBuffer] = 0;
            }

            try
            {
                ScanOne(frame, spec);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                frame.Accumulators[spec.Slot].Fault = ex;
            }
        }
    }
}
