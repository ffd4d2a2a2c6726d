using System.Linq.Expressions;
using Segmentation.Core.Model;

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
            frame.ValueState[Index] = Tri.True;
        }
        else
        {
            frame.ValueState[Index] = Tri.False;
        }
    }

    protected void Fail(Frame<TProfile> frame, FaultInfo fault)
    {
        frame.ValueState[Index] = Tri.Fault;
        frame.ValueFaults[Index] = fault;
        frame.HasFaults = true;
    }
}

internal sealed class AggregateValueNode<TProfile>(int index, string text, int collection, int slot, AggregateKind kind)
    : ValueNode<TProfile>(index, text)
{
    public int Collection { get; } = collection;

    public int Slot { get; } = slot;

    public AggregateKind Kind { get; } = kind;

    public override int Cost => 10;

    public override void Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        network.EnsureScanned(Collection, frame);
        if (frame.ValueState[Index] != Tri.Unknown)
        {
            return;
        }

        ref var acc = ref frame.Accumulators[Slot];
        if (acc.Fault is { } fault)
        {
            Fail(frame, new FaultInfo(Text, fault));
            return;
        }

        Set(frame, AggregateValues.Of(in acc, Kind, frame.AsOfTicks));
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
