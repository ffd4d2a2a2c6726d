using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>A condition evaluated at most once per evaluation and shared by every rule that uses it.</summary>
/// <remarks>The text is described on first use (faults, explanations): describing every node of a deep and/or tree up front costs quadratic time.</remarks>
internal abstract class ConditionNode<TProfile>(int index, Func<string> describe)
{
    private string? text;

    public int Index { get; } = index;

    public string Text => text ??= describe();

    public abstract int Cost { get; }

    public abstract ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame);

    protected ConditionState Fail(Frame<TProfile> frame, FaultInfo fault)
    {
        frame.ConditionFaults[Index] = fault;
        frame.HasFaults = true;
        return ConditionState.Faulted;
    }

    protected static ConditionState Of(bool value) => value ? ConditionState.True : ConditionState.False;
}

internal sealed class PredicateNode<TProfile>(int index, Func<string> text, Func<TProfile, bool> predicate, LambdaExpression source) : ConditionNode<TProfile>(index, text)
{
    /// <summary>The predicate as written, inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    public override int Cost => 3;

    public override ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame)
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

internal sealed class AsOfPredicateNode<TProfile>(int index, Func<string> text, Func<TProfile, DateTimeOffset, bool> predicate, LambdaExpression source) : ConditionNode<TProfile>(index, text)
{
    /// <summary>The predicate as written (profile, as-of), inlined by generated code.</summary>
    public LambdaExpression Source { get; } = source;

    public override int Cost => 3;

    public override ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame)
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

internal sealed class TextSetNode<TProfile>(int index, Func<string> text, TextIndex<TProfile> textIndex) : ConditionNode<TProfile>(index, text)
{
    public TextIndex<TProfile> TextIndex { get; } = textIndex;

    /// <summary>This condition's position in <see cref="TextIndex{TProfile}.Match"/>'s answer.</summary>
    public int Position { get; set; }

    public override int Cost => 2;

    public override ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        TextIndex.Resolve(frame);
        return frame.Conditions[Index];
    }
}

internal sealed class ComparisonNode<TProfile>(int index, Func<string> text, ValueNode<TProfile> value, Comparison comparison) : ConditionNode<TProfile>(index, text)
{
    private readonly int valueIndex = value.Index;

    public ValueNode<TProfile> Value { get; } = value;

    public Comparison Comparison { get; } = comparison;

    public ThresholdIndex<TProfile>? Thresholds { get; set; }

    public override int Cost => Value.Cost;

    public override ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        if (Thresholds is { } thresholds)
        {
            thresholds.Resolve(network, frame);
            return frame.Conditions[Index];
        }

        var state = frame.ValueStates[valueIndex];
        if (state == ValueState.Pending)
        {
            state = network.Value(valueIndex, frame);
        }

        return state switch
        {
            ValueState.Present => Of(Comparison.Matches(frame.Values[valueIndex])),
            ValueState.Faulted => Fail(frame, frame.ValueFaults[valueIndex]!),
            _ => ConditionState.False,
        };
    }
}

internal sealed class ReferenceNode<TProfile>(int index, Func<string> text, string targetId, int slot, bool negated) : ConditionNode<TProfile>(index, text)
{
    public string TargetId { get; } = targetId;

    public int Slot { get; } = slot;

    public bool Negated { get; } = negated;

    public override int Cost => 0;

    public override ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame) => frame.Memberships[Slot] switch
    {
        SegmentState.In => Negated ? ConditionState.False : ConditionState.True,
        SegmentState.Out => Negated ? ConditionState.True : ConditionState.False,
        _ => Fail(frame, frame.MembershipFaults[Slot]!.Through(TargetId)),
    };
}

/// <summary>
/// An and (decisive outcome false) or an or (decisive outcome true) over children, cheapest first: the first decisive
/// child settles it; otherwise a faulted child faults it.
/// </summary>
internal sealed class JunctionNode<TProfile>(int index, Func<string> text, ConditionNode<TProfile>[] children, ConditionState decisive) : ConditionNode<TProfile>(index, text)
{
    public ConditionNode<TProfile>[] Children { get; } = [.. children.OrderBy(c => c.Cost)];

    public ConditionState Decisive { get; } = decisive;

    public override int Cost { get; } = children.Max(c => c.Cost);

    public override ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame)
    {
        FaultInfo? fault = null;
        foreach (var child in Children)
        {
            var outcome = network.Condition(child.Index, frame);
            if (outcome == Decisive)
            {
                return Decisive;
            }

            if (outcome == ConditionState.Faulted)
            {
                fault ??= frame.ConditionFaults[child.Index];
            }
        }

        return fault is not null ? Fail(frame, fault) : Decisive == ConditionState.False ? ConditionState.True : ConditionState.False;
    }
}

internal sealed class NotNode<TProfile>(int index, Func<string> text, ConditionNode<TProfile> inner) : ConditionNode<TProfile>(index, text)
{
    public ConditionNode<TProfile> Inner { get; } = inner;

    public override int Cost => Inner.Cost;

    public override ConditionState Compute(Network<TProfile> network, Frame<TProfile> frame) => network.Condition(Inner.Index, frame) switch
    {
        ConditionState.True => ConditionState.False,
        ConditionState.False => ConditionState.True,
        _ => Fail(frame, frame.ConditionFaults[Inner.Index]!),
    };
}
