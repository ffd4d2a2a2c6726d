using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>A condition evaluated at most once per evaluation and shared by every rule that uses it.</summary>
internal abstract class ConditionNode<TProfile>(int index, string text)
{
    public int Index { get; } = index;

    public string Text { get; } = text;

    public abstract int Cost { get; }

    public abstract Tri Compute(Network<TProfile> network, Frame<TProfile> frame);

    protected Tri Fail(Frame<TProfile> frame, FaultInfo fault)
    {
        frame.ConditionFaults[Index] = fault;
        frame.HasFaults = true;
        return Tri.Fault;
    }

    protected static Tri Of(bool value) => value ? Tri.True : Tri.False;
}

internal sealed class PredicateNode<TProfile>(int index, string text, Func<TProfile, bool> predicate, LambdaExpression source) : ConditionNode<TProfile>(index, text)
{
    /// <summary>The predicate as written, inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    public override int Cost => 3;

    public override Tri Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        try
        {
            return Of(predicate(frame.Profile));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Fail(frame, new FaultInfo(Text, ex));
        }
    }
}

internal sealed class AsOfPredicateNode<TProfile>(int index, string text, Func<TProfile, DateTimeOffset, bool> predicate, LambdaExpression source) : ConditionNode<TProfile>(index, text)
{
    /// <summary>The predicate as written (profile, as-of), inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    public override int Cost => 3;

    public override Tri Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        try
        {
            return Of(predicate(frame.Profile, frame.AsOf));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Fail(frame, new FaultInfo(Text, ex));
        }
    }
}

internal sealed class TextSetNode<TProfile>(int index, string text, TextIndex<TProfile> textIndex) : ConditionNode<TProfile>(index, text)
{
    public TextIndex<TProfile> TextIndex { get; } = textIndex;

    /// <summary>This condition's position in <see cref="TextIndex{TProfile}.Match"/>'s answer.</summary>
    public int Position { get; set; }

    public override int Cost => 2;

    public override Tri Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        TextIndex.Resolve(frame);
        return frame.Conditions[Index];
    }
}

internal sealed class ComparisonNode<TProfile>(int index, string text, ValueNode<TProfile> value, Comparison comparison) : ConditionNode<TProfile>(index, text)
{
    private readonly int valueIndex = value.Index;

    public ValueNode<TProfile> Value { get; } = value;

    public Comparison Comparison { get; } = comparison;

    public ThresholdIndex<TProfile>? Thresholds { get; set; }

    public override int Cost => Value.Cost;

    public override Tri Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        if (Thresholds is { } thresholds)
        {
            thresholds.Resolve(network, frame);
            return frame.Conditions[Index];
        }

        var state = frame.ValueState[valueIndex];
        if (state == Tri.Unknown)
        {
            state = network.Value(valueIndex, frame);
        }

        return state switch
        {
            Tri.True => Of(Comparison.Matches(frame.Values[valueIndex])),
            Tri.Fault => Fail(frame, frame.ValueFaults[valueIndex]!),
            _ => Tri.False,
        };
    }
}

internal sealed class ReferenceNode<TProfile>(int index, string text, string targetId, int slot, bool negated) : ConditionNode<TProfile>(index, text)
{
    public string TargetId { get; } = targetId;

    public int Slot { get; } = slot;

    public bool Negated { get; } = negated;

    public override int Cost => 0;

    public override Tri Compute(Network<TProfile> network, Frame<TProfile> frame) => frame.Memberships[Slot] switch
    {
        SegmentState.In => Negated ? Tri.False : Tri.True,
        SegmentState.Out => Negated ? Tri.True : Tri.False,
        _ => Fail(frame, frame.MembershipFaults[Slot]!.Through(TargetId)),
    };
}

/// <summary>
/// An and (decisive outcome false) or an or (decisive outcome true) over children, cheapest first: the first decisive
/// child settles it; otherwise a faulted child faults it.
/// </summary>
internal sealed class JunctionNode<TProfile>(int index, string text, ConditionNode<TProfile>[] children, Tri decisive) : ConditionNode<TProfile>(index, text)
{
    public ConditionNode<TProfile>[] Children { get; } = [.. children.OrderBy(c => c.Cost)];

    public Tri Decisive { get; } = decisive;

    public override int Cost { get; } = children.Max(c => c.Cost);

    public override Tri Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        FaultInfo? fault = null;
        foreach (var child in Children)
        {
            var outcome = network.Condition(child.Index, frame);
            if (outcome == Decisive)
            {
                return Decisive;
            }

            if (outcome == Tri.Fault)
            {
                fault ??= frame.ConditionFaults[child.Index];
            }
        }

        return fault is not null ? Fail(frame, fault) : Decisive == Tri.False ? Tri.True : Tri.False;
    }
}

internal sealed class NotNode<TProfile>(int index, string text, ConditionNode<TProfile> inner) : ConditionNode<TProfile>(index, text)
{
    public ConditionNode<TProfile> Inner { get; } = inner;

    public override int Cost => Inner.Cost;

    public override Tri Compute(Network<TProfile> network, Frame<TProfile> frame) => network.Condition(Inner.Index, frame) switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Fail(frame, frame.ConditionFaults[Inner.Index]!),
    };
}
