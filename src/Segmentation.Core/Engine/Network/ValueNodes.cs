using System.Linq.Expressions;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>A value computed once per evaluation and shared by every condition that compares it.</summary>
internal abstract class ValueNode<TProfile>(int index, string text)
{
    public int Index { get; } = index;

    public string Text { get; } = text;

    public abstract int Cost { get; }

    public abstract void Compute(Network<TProfile> network, Frame<TProfile> frame);

    protected void Set(Frame<TProfile> frame, decimal? value)
    {
        if (value is { } v)
        {
            frame.Values[Index] = v;
            frame.ValueStates[Index] = ValueState.Present;
        }
        else
        {
            frame.ValueStates[Index] = ValueState.Absent;
        }
    }

    protected void Fail(Frame<TProfile> frame, FaultInfo fault)
    {
        frame.ValueStates[Index] = ValueState.Faulted;
        frame.ValueFaults[Index] = fault;
        frame.HasFaults = true;
    }
}

internal sealed class AggregateValueNode<TProfile>(int index, string text, int collection, int slot, AggregateDefinition definition)
    : ValueNode<TProfile>(index, text)
{
    public int Collection { get; } = collection;

    public int Slot { get; } = slot;

    public AggregateDefinition Definition { get; } = definition;

    public override int Cost => 10;

    public override void Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        network.EnsureScanned(Collection, frame);
        if (frame.ValueStates[Index] != ValueState.Pending)
        {
            return;
        }

        ref var acc = ref frame.Accumulators[Slot];
        if (acc.FaultOf(Definition.Parts) is { } fault)
        {
            Fail(frame, new FaultInfo(Text, fault));
            return;
        }

        try
        {
            Set(frame, Definition.Value(in acc, frame.AsOfTicks));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(frame, new FaultInfo(Text, ex));
        }
    }
}

internal sealed class ProfileValueNode<TProfile>(int index, string text, Func<TProfile, decimal?> selector, LambdaExpression source) : ValueNode<TProfile>(index, text)
{
    /// <summary>The selector as written, inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    public override int Cost => 2;

    public override void Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        try
        {
            Set(frame, selector(frame.Profile));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(frame, new FaultInfo(Text, ex));
        }
    }
}

internal sealed class DateValueNode<TProfile>(int index, string text, Func<TProfile, DateTime?> date, DateMeasure measure, LambdaExpression source) : ValueNode<TProfile>(index, text)
{
    /// <summary>The date selector as written, inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    public DateMeasure DateMeasure { get; } = measure;

    public override int Cost => 2;

    public override void Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        try
        {
            Set(frame, date(frame.Profile) is { } d ? Measure(DateMeasure, d.Date, frame.AsOfDate) : null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(frame, new FaultInfo(Text, ex));
        }
    }

    /// <summary>
    /// <see cref="Measure"/> for generated code: the calendar measures read as-of's parts from locals the chunk fills
    /// once (<paramref name="asOfParts"/>: year, month, day, see <see cref="Frame{TProfile}.AsOfYear"/>), the day count to the next anniversary calls <see cref="Measure"/>.
    /// </summary>
    public static Expression MeasureOf(DateMeasure measure, Expression date, Expression asOfDate, Func<ParameterExpression[]> asOfParts) => measure switch
    {
        DateMeasure.Years => Expression.Call(
            typeof(DateMath).GetMethod(nameof(DateMath.Years), [typeof(DateTime), typeof(int), typeof(int), typeof(int)])!, [date, .. asOfParts()]),
        DateMeasure.MonthsUntilAnniversaryMonth => Expression.Call(
            typeof(DateMath).GetMethod(nameof(DateMath.MonthsUntilAnniversaryMonth), [typeof(DateTime), typeof(int)])!, date, asOfParts()[1]),
        _ => Expression.Call(
            typeof(DateValueNode<TProfile>).GetMethod(nameof(Measure))!, Expression.Constant(measure), Expression.Property(date, typeof(DateTime).GetProperty(nameof(DateTime.Date))!), asOfDate),
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // Generated code calls it once per chunk at most: inlined, it only costs JIT time.
    public static int Measure(DateMeasure measure, DateTime value, DateTime asOfDate) => measure switch
    {
        DateMeasure.Years => DateMath.Years(value, asOfDate),
        DateMeasure.DaysUntilAnniversary => DateMath.DaysUntilAnniversary(value, asOfDate),
        _ => DateMath.MonthsUntilAnniversaryMonth(value, asOfDate),
    };
}

internal sealed class ScoreValueNode<TProfile>(int index, string text, string scoreId, int scoreSlot) : ValueNode<TProfile>(index, text)
{
    public int ScoreSlot { get; } = scoreSlot;

    public override int Cost => 1;

    public override void Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        if (frame.ScoreFaults[ScoreSlot] is { } fault)
        {
            Fail(frame, fault.Through(scoreId));
        }
        else
        {
            Set(frame, frame.Scores[ScoreSlot]);
        }
    }
}
