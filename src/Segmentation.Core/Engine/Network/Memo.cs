using System.Linq.Expressions;
using static System.Linq.Expressions.Expression;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Generated code's memo of a boolean computed at most once: a <see cref="ConditionState"/> local that is
/// <see cref="ConditionState.Pending"/> until the first read computes it.
/// </summary>
internal static class Memo
{
    public static ParameterExpression Variable(string name) => Expression.Variable(typeof(ConditionState), name);

    public static Expression Reset(ParameterExpression state) => Assign(state, Constant(ConditionState.Pending));

    /// <summary><c>(state == Pending ? (state = compute ? True : False) : state) == True</c>.</summary>
    public static Expression Read(ParameterExpression state, Expression compute)
    {
        var computed = Assign(state, Condition(compute, Constant(ConditionState.True), Constant(ConditionState.False)));
        return Equal(Condition(Equal(state, Constant(ConditionState.Pending)), computed, state), Constant(ConditionState.True));
    }
}
