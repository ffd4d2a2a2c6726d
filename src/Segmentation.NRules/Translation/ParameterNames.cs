using System.Linq.Expressions;

namespace Segmentation.NRules.Translation;

/// <summary>NRules binds lambda parameters to declarations by name: renames a lambda's first parameter to a pattern's declaration.</summary>
internal static class ParameterNames
{
    public static LambdaExpression RenameFirst(LambdaExpression lambda, string name)
    {
        var old = lambda.Parameters[0];
        var renamed = Expression.Parameter(old.Type, name);
        var body = new Replacer(old, renamed).Visit(lambda.Body);
        return Expression.Lambda(body, [renamed, .. lambda.Parameters.Skip(1)]);
    }

    private sealed class Replacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
