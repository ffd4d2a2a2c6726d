using System.Linq.Expressions;

namespace Segmentation.Core.Semantics;

/// <summary>
/// Makes a user lambda's lifted operators evaluate both operands, as C# does, before the lambda is compiled or inlined
/// into generated code. <see cref="LambdaExpression.Compile()"/> skips the right operand of a lifted operator that calls
/// a method (<see cref="decimal"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/>
/// comparisons and arithmetic on nullables) when the left one is <see langword="null"/>, so a right operand that throws
/// (<c>c.LastSeen &gt; asOf.AddDays(-30)</c> as of <see cref="DateTimeOffset.MinValue"/>) would fault in C# and in the
/// expression interpreter but not in compiled code. Such an operator is rewritten to evaluate its left and then its right
/// operand into temporaries and apply the operator to them; every other expression is returned as it is (the same
/// instance when nothing is rewritten). The model keeps the user's lambda: explanations print what the user wrote.
/// </summary>
internal sealed class LiftedOperands : ExpressionVisitor
{
    private static readonly LiftedOperands Instance = new();

    private LiftedOperands()
    {
    }

    /// <summary><paramref name="expression"/> with its lifted operators evaluating both operands.</summary>
    public static Expression EvaluateBoth(Expression expression) => Instance.Visit(expression);

    /// <summary><paramref name="lambda"/> with its lifted operators evaluating both operands (the same instance when it has none to rewrite).</summary>
    public static TLambda EvaluateBoth<TLambda>(TLambda lambda)
        where TLambda : LambdaExpression
    {
        var body = Instance.Visit(lambda.Body);
        return body == lambda.Body ? lambda : (TLambda)Expression.Lambda(lambda.Type, body, lambda.Name, lambda.TailCall, lambda.Parameters);
    }

    /// <summary>Whether compiled code could skip <paramref name="node"/>'s right operand, and skipping it could be seen.</summary>
    public static bool SkipsRightOperand(BinaryExpression node) =>
        node is { IsLifted: true, Method: not null, Conversion: null }
        && node.NodeType is not (ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.Coalesce)
        && !IsPlain(node.Right);

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        return visited is BinaryExpression binary && SkipsRightOperand(binary) ? InOrder(binary) : visited;
    }

    /// <summary>A quoted lambda is data for its receiver, not code that runs here: it is left as written.</summary>
    protected override Expression VisitUnary(UnaryExpression node) => node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

    /// <summary>An operand that neither throws nor has effects: a constant, a parameter, a default, or one of them lifted to a nullable.</summary>
    private static bool IsPlain(Expression operand) => operand switch
    {
        ConstantExpression or ParameterExpression or DefaultExpression => true,
        UnaryExpression { NodeType: ExpressionType.Convert, Method: null } convert =>
            Nullable.GetUnderlyingType(convert.Type) == convert.Operand.Type && IsPlain(convert.Operand),
        _ => false,
    };

    private static BlockExpression InOrder(BinaryExpression node)
    {
        var left = Expression.Variable(node.Left.Type, "left");
        var right = Expression.Variable(node.Right.Type, "right");
        return Expression.Block(
            node.Type,
            [left, right],
            Expression.Assign(left, node.Left),
            Expression.Assign(right, node.Right),
            Expression.MakeBinary(node.NodeType, left, right, node.IsLiftedToNull, node.Method));
    }
}
