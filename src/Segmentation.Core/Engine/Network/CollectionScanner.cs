namespace Segmentation.Core.Engine.Network;

/// <summary>Computes every accumulator of one dated collection in a single pass over its items.</summary>
internal abstract class CollectionScanner<TProfile>(string name, AccumulatorSpec[] specs)
{
    public string Name { get; } = name;

    public AccumulatorSpec[] Specs { get; } = specs;

    private readonly bool hasDayBuffers = specs.Any(s => s.DayBuffer >= 0);

    public void Scan(Frame<TProfile> frame)
    {
        if (IsFused)
        {
            ResetDayCounts(frame);
            try
            {
                ScanAll(frame);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ScanIsolated(frame);
            }
        }
        else
        {
            ScanIsolated(frame, allInOneFirst: true);
        }

        if (hasDayBuffers)
        {
            CountDays(frame);
        }
    }

    /// <summary>
    /// The fused pass alone, for generated code: any exception propagates (the caller then evaluates the profile again
    /// on the node network, which isolates the fault).
    /// </summary>
    public void ScanUnchecked(Frame<TProfile> frame)
    {
        ResetDayCounts(frame);
        ScanAll(frame);
        if (hasDayBuffers)
        {
            CountDays(frame);
        }
    }

    protected virtual bool IsFused => false;

    protected abstract void ScanAll(Frame<TProfile> frame);

    protected abstract void ScanOne(Frame<TProfile> frame, AccumulatorSpec spec);

    public static void AddDay(Frame<TProfile> frame, int buffer, long ticks)
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

    private void ResetDayCounts(Frame<TProfile> frame)
    {
        if (hasDayBuffers)
        {
            foreach (var spec in Specs)
            {
                if (spec.DayBuffer >= 0)
                {
                    frame.DayCounts[spec.DayBuffer] = 0;
                }
            }
        }
    }

    private void CountDays(Frame<TProfile> frame)
    {
        foreach (var spec in Specs)
        {
            if (spec.DayBuffer >= 0 && frame.Accumulators[spec.Slot].Fault is null)
            {
                frame.Accumulators[spec.Slot].DistinctDays = CountDistinct(frame.DayBuffers[spec.DayBuffer].AsSpan(0, frame.DayCounts[spec.DayBuffer]));
            }
        }
    }

    private void ResetAll(Frame<TProfile> frame)
    {
        foreach (var spec in Specs)
        {
            frame.Accumulators[spec.Slot].Reset();
            frame.Lower[spec.Slot] = spec.Lower(frame.AsOfTicks);
            frame.Upper[spec.Slot] = spec.Upper(frame.AsOfTicks);
        }

        ResetDayCounts(frame);
    }

    private void ScanIsolated(Frame<TProfile> frame, bool allInOneFirst = false)
    {
        ResetAll(frame);
        if (allInOneFirst)
        {
            try
            {
                ScanAll(frame);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ResetAll(frame);
            }
        }

        foreach (var spec in Specs)
        {
            try
            {
                ScanOne(frame, spec);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                frame.Accumulators[spec.Slot].Reset();
                frame.Accumulators[spec.Slot].Fault = ex;
            }
        }
    }
}
