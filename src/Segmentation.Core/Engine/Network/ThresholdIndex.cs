using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Resolves every threshold comparison on one value at once: the value is placed among the sorted cut points with one
/// binary search, and each comparison's outcome follows from its cut point's position.
/// </summary>
internal sealed class ThresholdIndex<TProfile>
{
    /// <summary>The fewest comparisons on one value worth an index.</summary>
    public const int MinimumComparisons = 4;

    private readonly int valueIndex;
    private readonly decimal[] cuts;
    private readonly (int Condition, ComparisonOperator Operator, int Cut)[] entries;

    public ThresholdIndex(int valueIndex, IReadOnlyList<ComparisonNode<TProfile>> comparisons)
    {
        this.valueIndex = valueIndex;
        cuts = [.. comparisons.Select(c => c.Comparison.Threshold).Distinct().Order()];
        entries = [.. comparisons.Select(c => (c.Index, c.Comparison.Operator, Array.BinarySearch(cuts, c.Comparison.Threshold)))];
    }

    public static bool Supports(ComparisonOperator op) =>
        op is ComparisonOperator.AtLeast or ComparisonOperator.GreaterThan or ComparisonOperator.AtMost or ComparisonOperator.LessThan;

    public void Resolve(Network<TProfile> network, Frame<TProfile> frame)
    {
        var state = frame.ValueStates[valueIndex];
        if (state == ValueState.Pending)
        {
            state = network.Value(valueIndex, frame);
        }

        if (state != ValueState.Present)
        {
            var fault = state == ValueState.Faulted ? frame.ValueFaults[valueIndex] : null;
            foreach (var (condition, _, _) in entries)
            {
                frame.Conditions[condition] = fault is null ? ConditionState.False : ConditionState.Faulted;
                frame.ConditionFaults[condition] = fault;
            }

            frame.HasFaults |= fault is not null;
            return;
        }

        var rank = Rank(frame.Values[valueIndex]);
        foreach (var (condition, op, cut) in entries)
        {
            frame.Conditions[condition] = Holds(op, cut, rank) ? ConditionState.True : ConditionState.False;
        }
    }

    /// <summary>
    /// Where <paramref name="value"/> falls among the cut points, packed in one number for generated code to keep: the
    /// number of cuts below it (low 32 bits) and the number at or below it (high 32 bits). Never negative.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // Called once per chunk: inlined, it only costs JIT time.
    public long Rank(decimal value)
    {
        var below = LowerBound(value);
        var atOrBelow = below < cuts.Length && cuts[below] == value ? below + 1 : below;
        return (uint)below | ((long)atOrBelow << 32);
    }

    /// <summary>The position of a comparison's threshold among the cut points.</summary>
    public int CutOf(ComparisonNode<TProfile> comparison) => Array.BinarySearch(cuts, comparison.Comparison.Threshold);

    /// <summary>Whether a comparison with threshold position <paramref name="cut"/> holds for a value of rank <paramref name="rank"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Holds(ComparisonOperator op, int cut, long rank)
    {
        var below = (int)rank;
        var atOrBelow = (int)(rank >> 32);
        return op switch
        {
            ComparisonOperator.AtLeast => cut < atOrBelow,
            ComparisonOperator.GreaterThan => cut < below,
            ComparisonOperator.AtMost => cut >= below,
            _ => cut >= atOrBelow,
        };
    }

    /// <summary>
    /// <see cref="Holds"/> for generated code, for a rank that may be -1 (value absent, never holds): plain integer
    /// tests the JIT needs no inlining for. "At least" and "greater than" fail on -1 by themselves.
    /// </summary>
    public static Expression HoldsExpression(ComparisonOperator op, int cut, Expression rank)
    {
        var below = Expression.Convert(rank, typeof(int));
        var atOrBelow = Expression.RightShift(rank, Expression.Constant(32));
        var present = Expression.GreaterThanOrEqual(rank, Expression.Constant(0L));
        return op switch
        {
            ComparisonOperator.AtLeast => Expression.GreaterThan(atOrBelow, Expression.Constant((long)cut)),
            ComparisonOperator.GreaterThan => Expression.GreaterThan(below, Expression.Constant(cut)),
            ComparisonOperator.AtMost => Expression.AndAlso(present, Expression.LessThanOrEqual(below, Expression.Constant(cut))),
            _ => Expression.AndAlso(present, Expression.LessThanOrEqual(atOrBelow, Expression.Constant((long)cut))),
        };
    }

    private int LowerBound(decimal value)
    {
        int low = 0, high = cuts.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (cuts[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
