using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Canonical text of a lambda for node sharing: parameters renamed by position, captured values inlined by value
/// (primitives, strings, decimals, dates, enums) or by reference identity (everything else), constants typed, and the
/// methods called named with their declaring types (an expression's text omits the type of a static method).
/// </summary>
internal sealed class ExpressionFingerprint
{
    private readonly Dictionary<object, int> references = new(ReferenceEqualityComparer.Instance);

    public string Of(LambdaExpression? lambda)
    {
        if (lambda is null)
        {
            return "-";
        }

        var rewriter = new Rewriter(this, lambda.Parameters);
        var text = $"{lambda.Parameters.Count}:{rewriter.Visit(lambda.Body)}";
        return rewriter.Methods.Count == 0 ? text : $"{text}|{string.Join("|", rewriter.Methods)}";
    }

    private string Token(object? value) => value switch
    {
        null => "null",
        string s => "s:\"" + s.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        decimal d => "m:" + d.ToString("G29", CultureInfo.InvariantCulture),
        DateTime t => $"t:{t.Ticks}:{t.Kind}",
        DateTimeOffset o => $"o:{o.UtcTicks}:{o.Offset.Ticks}",
        Enum e => $"e:{e.GetType().FullName}.{e}",
        IConvertible c when value.GetType().IsPrimitive => $"{value.GetType().Name}:{c.ToString(CultureInfo.InvariantCulture)}",
        _ => $"#ref{RefId(value)}:{value.GetType().Name}",
    };

    private int RefId(object value)
    {
        if (!references.TryGetValue(value, out var id))
        {
            id = references.Count;
            references[value] = id;
        }

        return id;
    }

    private sealed class Rewriter(ExpressionFingerprint owner, System.Collections.ObjectModel.ReadOnlyCollection<ParameterExpression> parameters) : ExpressionVisitor
    {
        public List<string> Methods { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Methods.Add($"{node.Method.DeclaringType?.FullName}::{node.Method}");
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            var index = parameters.IndexOf(node);
            return Expression.Parameter(node.Type, index >= 0 ? $"$p{index}" : $"$l:{node.Name}");
        }

        protected override Expression VisitConstant(ConstantExpression node) =>
            Expression.Parameter(node.Type, owner.Token(node.Value));

        protected override Expression VisitMember(MemberExpression node)
        {
            if (TryCapturedValue(node, out var value))
            {
                return Expression.Parameter(node.Type, owner.Token(value));
            }

            return base.VisitMember(node);
        }

        private static bool TryCapturedValue(MemberExpression node, out object? value)
        {
            value = null;
            switch (node.Member)
            {
                case FieldInfo { IsStatic: true } field:
                    value = $"static:{field.DeclaringType?.FullName}.{field.Name}";
                    return true;
                case FieldInfo field when node.Expression is ConstantExpression { Value: { } closure }:
                    value = field.GetValue(closure);
                    return true;
                default:
                    return false;
            }
        }
    }
}
