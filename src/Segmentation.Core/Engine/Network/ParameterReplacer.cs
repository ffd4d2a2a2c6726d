using System.Linq.Expressions;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

internal sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    /// <summary>
    /// A user lambda's body on <paramref name="argument"/>, for generated code: its lifted operators evaluate both
    /// operands as in C# (see <see cref="LiftedOperands"/>).
    /// </summary>
    public static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new ParameterReplacer(lambda.Parameters[0], argument).Visit(LiftedOperands.EvaluateBoth(lambda.Body));

    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
}
