using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>Renders user lambdas as short readable text for explanations, faults and validation messages.</summary>
internal static class ExpressionText
{
    /// <summary>Renders a lambda such as <c>c =&gt; c.NpsScore &gt;= 9</c>, without the compiler's conversions.</summary>
    /// <param name="lambda">The lambda.</param>
    /// <returns>The text.</returns>
    public static string Of(LambdaExpression lambda)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        var body = new ConversionStripper().Visit(lambda.Body);
        var parameters = string.Join(", ", lambda.Parameters.Select(p => p.Name));
        var prefix = lambda.Parameters.Count == 1 ? parameters : $"({parameters})";
        return $"{prefix} => {Trim(body.ToString())}";
    }

    /// <summary>Renders just the body of a lambda, such as <c>o.Amount</c>.</summary>
    /// <param name="lambda">The lambda.</param>
    /// <returns>The text.</returns>
    public static string BodyOf(LambdaExpression lambda)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return Trim(new ConversionStripper().Visit(lambda.Body).ToString());
    }

    private static string Trim(string text) =>
        text.Length > 2 && text[0] == '(' && text[^1] == ')' && Balanced(text.AsSpan(1, text.Length - 2)) ? text[1..^1] : text;

    private static bool Balanced(ReadOnlySpan<char> text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private sealed class ConversionStripper : ExpressionVisitor
    {
        // A conversion becomes a placeholder of the converted type named after its operand, so the parent node
        // (a lifted comparison such as int? > Convert(7)) can be rebuilt with the types it had.
        protected override Expression VisitUnary(UnaryExpression node) =>
            node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked
                ? Expression.Parameter(node.Type, Visit(node.Operand).ToString())
                : base.VisitUnary(node);

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is ConstantExpression constant && constant.Type.Name.Contains("DisplayClass", StringComparison.Ordinal)
                ? Expression.Parameter(node.Type, node.Member.Name)
                : base.VisitMember(node);
    }
}
