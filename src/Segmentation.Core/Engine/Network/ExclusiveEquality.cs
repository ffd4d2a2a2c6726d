using System.Linq.Expressions;
using System.Reflection;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// A filter that tests one member of the item for equality with a constant (<c>e =&gt; e.Type == "Review"</c>): two such
/// filters on the same member with different constants never hold for the same item, so a generated loop can test them
/// as an <c>if … else if …</c> chain and stop at the first that holds, as code written by hand does.
/// </summary>
/// <remarks>
/// Only comparisons whose outcome is fixed by the two values are recognized: strings (ordinal <c>==</c>), and
/// primitives, enums and their nullable forms compared without a user-defined operator. The member path is a chain of
/// fields, properties and conversions from the item; the constant is a literal or a <see langword="static readonly"/>
/// field (a captured local may change after compilation, so it is not a constant).
/// </remarks>
internal sealed class ExclusiveEquality
{
    private static readonly MethodInfo StringEquality = typeof(string).GetMethod("op_Equality", [typeof(string), typeof(string)])!;

    private ExclusiveEquality(ParameterExpression item, Expression subject, object? value)
    {
        Item = item;
        Subject = subject;
        Value = value;
    }

    /// <summary>The filter's item parameter.</summary>
    public ParameterExpression Item { get; }

    /// <summary>The member path the filter tests, from <see cref="Item"/>.</summary>
    public Expression Subject { get; }

    /// <summary>The constant it must equal.</summary>
    public object? Value { get; }

    /// <summary>The filter's equality test, or <see langword="null"/> when it is not one this type recognizes.</summary>
    public static ExclusiveEquality? Of(LambdaExpression filter)
    {
        if (filter.Parameters.Count != 1 || filter.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal || !Comparable(equal))
        {
            return null;
        }

        var item = filter.Parameters[0];
        if (IsPath(equal.Left, item) && TryConstant(equal.Right, out var right))
        {
            return new ExclusiveEquality(item, equal.Left, right);
        }

        return IsPath(equal.Right, item) && TryConstant(equal.Left, out var left) ? new ExclusiveEquality(item, equal.Right, left) : null;
    }

    /// <summary>Whether no item can pass both filters: every test of <paramref name="x"/> excludes every test of <paramref name="y"/>.</summary>
    public static bool Exclusive(IReadOnlyList<ExclusiveEquality> x, IReadOnlyList<ExclusiveEquality> y) =>
        x.All(a => y.All(b => a.Excludes(b)));

    /// <summary>Whether the two tests read the same member path and want different values.</summary>
    public bool Excludes(ExclusiveEquality other) => SamePath(Subject, other.Subject, other) && !Equals(Value, other.Value);

    private static bool Comparable(BinaryExpression equal)
    {
        if (equal.Method is not null)
        {
            return equal.Method == StringEquality;
        }

        var type = Nullable.GetUnderlyingType(equal.Left.Type) ?? equal.Left.Type;
        return type.IsPrimitive || type.IsEnum;
    }

    private static bool IsPath(Expression node, ParameterExpression item) => node switch
    {
        ParameterExpression parameter => parameter == item,
        MemberExpression { Expression: { } inner } => IsPath(inner, item),
        UnaryExpression { NodeType: ExpressionType.Convert, Method: null } convert => IsPath(convert.Operand, item),
        _ => false,
    };

    private static bool TryConstant(Expression node, out object? value)
    {
        switch (node)
        {
            case ConstantExpression constant:
                value = constant.Value;
                return true;
            case MemberExpression { Expression: null, Member: FieldInfo { IsStatic: true, IsInitOnly: true } field }:
                value = field.GetValue(null);
                return true;
            case UnaryExpression { NodeType: ExpressionType.Convert, Method: null } convert when TryConstant(convert.Operand, out var operand):
                // A lifted comparison converts the constant to the nullable type; the value is the same.
                value = operand;
                return Nullable.GetUnderlyingType(convert.Type) == convert.Operand.Type;
            default:
                value = null;
                return false;
        }
    }

    private bool SamePath(Expression mine, Expression theirs, ExclusiveEquality other) => (mine, theirs) switch
    {
        (ParameterExpression a, ParameterExpression b) => a == Item && b == other.Item,
        (MemberExpression a, MemberExpression b) => a.Member == b.Member && SamePath(a.Expression!, b.Expression!, other),
        (UnaryExpression a, UnaryExpression b) => a.NodeType == b.NodeType && a.Type == b.Type && SamePath(a.Operand, b.Operand, other),
        _ => false,
    };
}
