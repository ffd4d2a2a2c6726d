using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Computes every accumulator of one dated collection in a single pass over its items. The fast pass (generated code,
/// or the interpreted <see cref="ScanAll"/>) has no fault handling; when it throws, the pass is redone accumulator by
/// accumulator with each part isolated (<see cref="Accumulator.AddIsolated"/>), so that a throwing filter or selector
/// faults only its accumulator and an overflow only the aggregates that read the part it happened in.
/// </summary>
internal abstract class CollectionScanner<TProfile>(string name, AccumulatorSpec[] specs)
{
    public string Name { get; } = name;

    public AccumulatorSpec[] Specs { get; } = specs;

    private readonly bool hasBuffers = specs.Any(s => s.DayBuffer >= 0 || s.ValueBuffer >= 0);

    /// <summary>Whether an accumulator of the collection buffers days or values (completed by <see cref="Finish"/>).</summary>
    protected bool HasBuffers => hasBuffers;

    public void Scan(Frame<TProfile> frame)
    {
        if (IsFused)
        {
            ResetBuffers(frame);
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

        Finish(frame);
    }

    /// <summary>
    /// The fused pass alone, for generated code: any exception propagates (the caller then evaluates the profile again
    /// on the node network, which isolates the fault).
    /// </summary>
    public void ScanUnchecked(Frame<TProfile> frame)
    {
        if (IsFused)
        {
            ResetBuffers(frame);
        }
        else
        {
            // The interpreted pass reads the frame's window bounds and adds to the frame's accumulators.
            ResetAll(frame);
        }

        ScanAll(frame);
        Finish(frame);
    }

    /// <summary>
    /// <see cref="ScanUnchecked"/> for generated chunks, which call it on the scanner's exact type: when the fused loops
    /// are published and nothing is buffered, it calls them directly.
    /// </summary>
    public abstract void ScanForCode(Frame<TProfile> frame);

    protected virtual bool IsFused => false;

    /// <summary>Whether the general form of the fused loop has been generated (on the first profile the fast form left).</summary>
    public virtual bool HasGeneralLoop => false;

    /// <summary>Whether this collection's fused loop is still to be generated (see <see cref="CompileCode"/>).</summary>
    public virtual bool HasPendingCode => false;

    /// <summary>Whether the fused loop is a method the runtime tiers up (see <see cref="EmittedMethods"/>), not a dynamic method.</summary>
    public virtual bool HasTieredLoop => false;

    /// <summary>Why the fused loop is a dynamic method although non-collectible code was asked for, or <see langword="null"/>.</summary>
    public virtual string? LoopNotEmittedBecause => null;

    /// <summary>
    /// Generates the published fused loop again as a method the runtime tiers up (see <see cref="CodePromotion{TProfile}"/>)
    /// and swaps it in once jitted; safe while evaluations run. False when there is no dynamic loop to promote or the
    /// emitter declined it (the dynamic one keeps running).
    /// </summary>
    public virtual bool PromoteLoop() => false;

    /// <summary>Generates, jits and publishes the collection's fused loop; safe while evaluations run. No-op when there is none to generate.</summary>
    public virtual void CompileCode()
    {
    }

    /// <summary>Every accumulator in one pass; throws on any fault.</summary>
    protected abstract void ScanAll(Frame<TProfile> frame);

    /// <summary>One accumulator, its parts isolated (<see cref="Accumulator.AddIsolated"/>); throws when the collection, a date, the filter or the selector throws.</summary>
    protected abstract void ScanOne(Frame<TProfile> frame, AccumulatorSpec spec);

    /// <summary>Adds a fact's UTC day to a day buffer (<see cref="AccumulatorParts.Days"/>).</summary>
    public static void AddDay(Frame<TProfile> frame, int buffer, long ticks) =>
        Append(ref frame.DayBuffers[buffer], ref frame.DayCounts[buffer], DateMath.Day(ticks));

    /// <summary>Adds a selected value to a value buffer (<see cref="AccumulatorParts.Values"/>).</summary>
    public static void AddValue(Frame<TProfile> frame, int buffer, decimal value) =>
        Append(ref frame.ValueBuffers[buffer], ref frame.ValueCounts[buffer], value);

    /// <summary>Adds the buffered parts of one fact.</summary>
    protected static void AddBuffered(Frame<TProfile> frame, AccumulatorSpec spec, long ticks, decimal value)
    {
        if (spec.DayBuffer >= 0)
        {
            AddDay(frame, spec.DayBuffer, ticks);
        }

        if (spec.ValueBuffer >= 0)
        {
            AddValue(frame, spec.ValueBuffer, value);
        }
    }

    private static void Append<T>(ref T[] buffer, ref int count, T value)
    {
        if (count == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        buffer[count++] = value;
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

    /// <summary>Empties the day and value buffers of this collection's accumulators.</summary>
    protected void ResetBuffers(Frame<TProfile> frame)
    {
        if (!hasBuffers)
        {
            return;
        }

        foreach (var spec in Specs)
        {
            if (spec.DayBuffer >= 0)
            {
                frame.DayCounts[spec.DayBuffer] = 0;
            }

            if (spec.ValueBuffer >= 0)
            {
                frame.ValueCounts[spec.ValueBuffer] = 0;
            }
        }
    }

    /// <summary>Completes the buffered parts once the pass is over: distinct days counted, values handed to the accumulator.</summary>
    private void Finish(Frame<TProfile> frame)
    {
        if (!hasBuffers)
        {
            return;
        }

        foreach (var spec in Specs)
        {
            ref var acc = ref frame.Accumulators[spec.Slot];
            if (acc.Fault is not null)
            {
                continue;
            }

            if (spec.DayBuffer >= 0)
            {
                acc.DistinctDays = CountDistinct(frame.DayBuffers[spec.DayBuffer].AsSpan(0, frame.DayCounts[spec.DayBuffer]));
            }

            if (spec.ValueBuffer >= 0)
            {
                acc.Values = frame.ValueBuffers[spec.ValueBuffer];
                acc.ValueCount = frame.ValueCounts[spec.ValueBuffer];
            }
        }
    }

    private void ResetAll(Frame<TProfile> frame)
    {
        foreach (var spec in Specs)
        {
            frame.Accumulators[spec.Slot] = Accumulator.Empty;
            frame.Lower[spec.Slot] = spec.Lower(frame.AsOfTicks);
            frame.Upper[spec.Slot] = spec.Upper(frame.AsOfTicks);
        }

        ResetBuffers(frame);
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
                frame.Accumulators[spec.Slot] = Accumulator.Empty with { Fault = ex };
            }
        }
    }
}
