using System.Runtime.CompilerServices;

namespace Segmentation.Core.Semantics;

/// <summary>
/// The running state of one window/filter/selector over a collection, and the one definition of how each
/// <see cref="AccumulatorParts">part</see> takes a fact in. The generated fused loop and the interpreted scan both call
/// these methods; aggregates read the parts through their <see cref="AggregateDefinition"/>.
/// </summary>
internal struct Accumulator
{
    /// <summary>The state before any fact.</summary>
    public static readonly Accumulator Empty = new()
    {
        Min = decimal.MaxValue, Max = decimal.MinValue, FirstTicks = long.MaxValue, LastTicks = long.MinValue, FirstDay = long.MaxValue,
    };

    public long Count;
    public decimal Sum;
    public decimal Min;
    public decimal Max;
    public long FirstTicks;
    public long LastTicks;
    public int DistinctDays;
    public long FirstDay;
    public decimal FirstDaySum;

    /// <summary>The selected values (the frame's buffer) and how many of them count, for <see cref="AccumulatorParts.Values"/>.</summary>
    public decimal[]? Values;
    public int ValueCount;

    /// <summary>What faulted the whole accumulator: the collection, its date, a filter or the selector threw.</summary>
    public Exception? Fault;

    /// <summary>Why <see cref="Sum"/> has no value: it overflowed.</summary>
    public Exception? SumFault;

    /// <summary>Why <see cref="FirstDaySum"/> has no value: it overflowed.</summary>
    public Exception? FirstDaySumFault;

    /// <summary>
    /// The fields a pass over the collection leaves meaningful for the parts (with <see cref="Count"/> and the faults):
    /// what generated code stores back from its local copy.
    /// </summary>
    public static IEnumerable<string> FieldsOf(AccumulatorParts parts)
    {
        yield return nameof(Count);
        yield return nameof(Fault);
        if ((parts & AccumulatorParts.FirstLast) != 0)
        {
            yield return nameof(FirstTicks);
            yield return nameof(LastTicks);
        }

        if ((parts & AccumulatorParts.Sum) != 0)
        {
            yield return nameof(Sum);
            yield return nameof(SumFault);
        }

        if ((parts & AccumulatorParts.MinMax) != 0)
        {
            yield return nameof(Min);
            yield return nameof(Max);
        }

        if ((parts & AccumulatorParts.FirstDaySum) != 0)
        {
            yield return nameof(FirstDay);
            yield return nameof(FirstDaySum);
            yield return nameof(FirstDaySumFault);
        }
    }

    /// <summary>The fault of an aggregate that reads the given parts: the accumulator's, or that of a part it reads.</summary>
    public readonly Exception? FaultOf(AccumulatorParts parts) =>
        Fault
        ?? ((parts & AccumulatorParts.Sum) != 0 ? SumFault : null)
        ?? ((parts & AccumulatorParts.FirstDaySum) != 0 ? FirstDaySumFault : null);

    // Each part's update is defined once, on the part's fields passed by reference: the instance methods below apply
    // it to an accumulator, and generated loops apply it to plain locals (one per field), which the JIT keeps in registers.

    /// <summary>Counts one fact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddCount(ref long count) => count++;

    /// <summary>Widens the first and last instants to take <paramref name="ticks"/> in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInstant(ref long firstTicks, ref long lastTicks, long ticks)
    {
        if (ticks < firstTicks)
        {
            firstTicks = ticks;
        }

        if (ticks > lastTicks)
        {
            lastTicks = ticks;
        }
    }

    /// <summary>Adds to a running sum; throws <see cref="OverflowException"/> on overflow (the fast path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddSum(ref decimal sum, decimal value) => sum += value;

    /// <summary>Widens the least and greatest values to take <paramref name="value"/> in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddMinMax(ref decimal min, ref decimal max, decimal value)
    {
        if (value < min)
        {
            min = value;
        }

        if (value > max)
        {
            max = value;
        }
    }

    /// <summary>
    /// Adds to the first day's sum, restarting it on an earlier day; throws <see cref="OverflowException"/> on overflow.
    /// Returns whether it restarted (a sum that had overflowed on a later day has a value again).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AddFirstDay(ref long firstDay, ref decimal firstDaySum, long ticks, decimal value)
    {
        var day = DateMath.Day(ticks);
        if (day < firstDay)
        {
            firstDay = day;
            firstDaySum = value;
            return true;
        }

        if (day == firstDay)
        {
            firstDaySum += value;
        }

        return false;
    }

    /// <summary>Counts one fact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddCount() => AddCount(ref Count);

    /// <summary>Widens the first and last instants.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddInstant(long ticks) => AddInstant(ref FirstTicks, ref LastTicks, ticks);

    /// <summary>Adds to the running sum; throws <see cref="OverflowException"/> on overflow (the fast path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddSum(decimal value) => AddSum(ref Sum, value);

    /// <summary>Widens the least and greatest values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddMinMax(decimal value) => AddMinMax(ref Min, ref Max, value);

    /// <summary>Adds to the first day's sum (restarting it on an earlier day); throws <see cref="OverflowException"/> on overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddFirstDay(long ticks, decimal value)
    {
        if (AddFirstDay(ref FirstDay, ref FirstDaySum, ticks, value))
        {
            FirstDaySumFault = null;
        }
    }

    /// <summary>
    /// Takes one fact in for the parts, each part isolated: an overflow faults only the part it happens in (the careful
    /// path, run after the fast one threw). Day and value buffers live in the frame and are added by the scanner.
    /// </summary>
    public void AddIsolated(AccumulatorParts parts, long ticks, decimal value)
    {
        AddCount();
        if ((parts & AccumulatorParts.FirstLast) != 0)
        {
            AddInstant(ticks);
        }

        if ((parts & AccumulatorParts.Sum) != 0 && SumFault is null)
        {
            try
            {
                AddSum(value);
            }
            catch (OverflowException ex)
            {
                SumFault = ex;
            }
        }

        if ((parts & AccumulatorParts.MinMax) != 0)
        {
            AddMinMax(value);
        }

        if ((parts & AccumulatorParts.FirstDaySum) != 0)
        {
            var day = DateMath.Day(ticks);
            if (day < FirstDay || FirstDaySumFault is null)
            {
                try
                {
                    AddFirstDay(ticks, value);
                }
                catch (OverflowException ex)
                {
                    FirstDaySumFault = ex;
                }
            }
        }
    }

    /// <summary>Takes one fact in for the parts (the fast path: any overflow throws, and the caller falls back to <see cref="AddIsolated"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(AccumulatorParts parts, long ticks, decimal value)
    {
        AddCount();
        if ((parts & AccumulatorParts.FirstLast) != 0)
        {
            AddInstant(ticks);
        }

        if ((parts & AccumulatorParts.Sum) != 0)
        {
            AddSum(value);
        }

        if ((parts & AccumulatorParts.MinMax) != 0)
        {
            AddMinMax(value);
        }

        if ((parts & AccumulatorParts.FirstDaySum) != 0)
        {
            AddFirstDay(ticks, value);
        }
    }
}
