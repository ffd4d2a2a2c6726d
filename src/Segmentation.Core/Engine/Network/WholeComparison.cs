using System.Linq.Expressions;
using Segmentation.Core.Model;
using static System.Linq.Expressions.Expression;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Compares a whole number held as a <see cref="long"/> with a decimal comparison exactly, without decimal arithmetic:
/// <c>n &gt;= 2.5</c> is <c>n &gt;= 3</c>, <c>n == 2.5</c> is false, and so on.
/// </summary>
internal static class WholeComparison
{
    private static readonly Type[] WholeTypes = [typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long)];

    /// <summary>Whether values of the type (or its nullable form) are whole numbers that fit a <see cref="long"/>.</summary>
    public static bool IsWhole(Type type) => WholeTypes.Contains(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>The operand of a widening conversion to decimal when it is a whole number; otherwise the expression.</summary>
    public static Expression Unconverted(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert, Method: null or { Name: "op_Implicit" } } conversion && IsWhole(conversion.Operand.Type)
            && (Nullable.GetUnderlyingType(conversion.Type) ?? conversion.Type) == typeof(decimal)
            ? conversion.Operand
            : expression;

    public static Expression Matches(Expression value, Comparison comparison)
    {
        var t = comparison.Threshold;
        var upper = comparison.Upper ?? t;
        if (!Fits(t) || !Fits(upper))
        {
            return Decimal(Convert(value, typeof(decimal)), comparison);
        }

        var isWhole = decimal.Truncate(t) == t;
        return comparison.Operator switch
        {
            ComparisonOperator.AtLeast => GreaterThanOrEqual(value, Constant(Ceiling(t))),
            ComparisonOperator.AtMost => LessThanOrEqual(value, Constant(Floor(t))),
            ComparisonOperator.GreaterThan => GreaterThan(value, Constant(Floor(t))),
            ComparisonOperator.LessThan => LessThan(value, Constant(Ceiling(t))),
            ComparisonOperator.EqualTo => isWhole ? Equal(value, Constant(Floor(t))) : Constant(false),
            ComparisonOperator.NotEqualTo => isWhole ? NotEqual(value, Constant(Floor(t))) : Constant(true),
            _ => AndAlso(GreaterThanOrEqual(value, Constant(Ceiling(t))), LessThanOrEqual(value, Constant(Floor(upper)))),
        };
    }

    /// <summary>The same comparison on a decimal value.</summary>
    public static Expression Decimal(Expression value, Comparison comparison)
    {
        var threshold = Constant(comparison.Threshold);
        return comparison.Operator switch
        {
            ComparisonOperator.AtLeast => GreaterThanOrEqual(value, threshold),
            ComparisonOperator.AtMost => LessThanOrEqual(value, threshold),
            ComparisonOperator.GreaterThan => GreaterThan(value, threshold),
            ComparisonOperator.LessThan => LessThan(value, threshold),
            ComparisonOperator.EqualTo => Equal(value, threshold),
            ComparisonOperator.NotEqualTo => NotEqual(value, threshold),
            _ => AndAlso(GreaterThanOrEqual(value, threshold), LessThanOrEqual(value, Constant(comparison.Upper ?? comparison.Threshold))),
        };
    }

    private static bool Fits(decimal value) => value > long.MinValue + 1m && value < long.MaxValue - 1m;

    private static long Ceiling(decimal value) => (long)decimal.Ceiling(value);

    private static long Floor(decimal value) => (long)decimal.Floor(value);
}
