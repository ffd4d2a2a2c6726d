using System.Collections.ObjectModel;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Structural equality of lambdas, for node sharing: two lambdas are equal when their trees have the same shape, types,
/// members and methods, their parameters are used in the same positions, and their constants and captured values are
/// equal by value (numbers, text, dates, enums — decimals and floating-point numbers to the bit) or, for anything else,
/// are the same object. Hash codes are memoized per lambda: a lambda is visited once however often it is looked
/// up (its inner nodes have no memo of their own: at thousands of segments a per-node memo was a large-object-heap array
/// per compile).
/// </summary>
/// <remarks>Not thread-safe: one instance per network build.</remarks>
internal sealed class ExpressionEquality : IEqualityComparer<LambdaExpression?>
{
    private readonly Dictionary<Expression, int> hashes = new(ReferenceEqualityComparer.Instance);

    public bool Equals(LambdaExpression? x, LambdaExpression? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Hash(x) == Hash(y) && new Matcher().Same(x, y));

    public int GetHashCode(LambdaExpression? obj) => obj is null ? 0 : Hash(obj);

    private int Hash(Expression? node)
    {
        if (node is null)
        {
            return 0;
        }

        var memoized = node is LambdaExpression;
        if (memoized && hashes.TryGetValue(node, out var known))
        {
            return known;
        }

        var hash = new HashCode();
        hash.Add(node.NodeType);
        hash.Add(node.Type);
        switch (node)
        {
            case ConstantExpression constant:
                hash.Add(ValueHash(constant.Value));
                break;
            case ParameterExpression:
                break;
            case MemberExpression member when Captured(member, out var value):
                hash.Add(ValueHash(value));
                break;
            case MemberExpression member:
                hash.Add(member.Member);
                hash.Add(Hash(member.Expression));
                break;
            case MethodCallExpression call:
                hash.Add(call.Method);
                hash.Add(Hash(call.Object));
                AddAll(ref hash, call.Arguments);
                break;
            case UnaryExpression unary:
                hash.Add(unary.Method);
                hash.Add(Hash(unary.Operand));
                break;
            case BinaryExpression binary:
                hash.Add(binary.Method);
                hash.Add(Hash(binary.Left));
                hash.Add(Hash(binary.Right));
                break;
            case LambdaExpression lambda:
                hash.Add(lambda.Parameters.Count);
                hash.Add(Hash(lambda.Body));
                break;
            case ConditionalExpression conditional:
                hash.Add(Hash(conditional.Test));
                hash.Add(Hash(conditional.IfTrue));
                hash.Add(Hash(conditional.IfFalse));
                break;
            case NewExpression created:
                hash.Add(created.Constructor);
                AddAll(ref hash, created.Arguments);
                break;
            case NewArrayExpression array:
                AddAll(ref hash, array.Expressions);
                break;
            case TypeBinaryExpression test:
                hash.Add(test.TypeOperand);
                hash.Add(Hash(test.Expression));
                break;
            case InvocationExpression invocation:
                hash.Add(Hash(invocation.Expression));
                AddAll(ref hash, invocation.Arguments);
                break;
            case IndexExpression index:
                hash.Add(index.Indexer);
                hash.Add(Hash(index.Object));
                AddAll(ref hash, index.Arguments);
                break;
            case MemberInitExpression init:
                hash.Add(Hash(init.NewExpression));
                hash.Add(init.Bindings.Count);
                break;
            case ListInitExpression list:
                hash.Add(Hash(list.NewExpression));
                hash.Add(list.Initializers.Count);
                break;
        }

        var result = hash.ToHashCode();
        if (memoized)
        {
            hashes[node] = result;
        }

        return result;
    }

    private void AddAll(ref HashCode hash, ReadOnlyCollection<Expression> nodes)
    {
        foreach (var node in nodes)
        {
            hash.Add(Hash(node));
        }
    }

    /// <summary>A value captured from a closure (a field of a constant object): compared by value, whatever the closure.</summary>
    private static bool Captured(MemberExpression node, out object? value)
    {
        if (node.Member is FieldInfo { IsStatic: false } field && node.Expression is ConstantExpression { Value: { } closure })
        {
            value = field.GetValue(closure);
            return true;
        }

        value = null;
        return false;
    }

    private static int ValueHash(object? value) => value switch
    {
        null => 0,
        string s => StringComparer.Ordinal.GetHashCode(s),
        decimal d => HashCode.Combine(decimal.GetBits(d)[0], decimal.GetBits(d)[1], decimal.GetBits(d)[2], decimal.GetBits(d)[3]),
        double d => BitConverter.DoubleToInt64Bits(d).GetHashCode(),
        float f => BitConverter.SingleToInt32Bits(f),
        _ when ByValue(value.GetType()) => value.GetHashCode(),
        _ => RuntimeHelpers.GetHashCode(value),
    };

    /// <summary>Types whose equal values behave identically in any expression.</summary>
    private static bool ByValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly);

    private static bool SameValue(object? x, object? y) => (x, y) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ when x.GetType() != y.GetType() => false,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (decimal a, decimal b) => decimal.GetBits(a).AsSpan().SequenceEqual(decimal.GetBits(b)),
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b),
        (DateTime a, DateTime b) => a.Ticks == b.Ticks && a.Kind == b.Kind,
        (DateTimeOffset a, DateTimeOffset b) => a.UtcTicks == b.UtcTicks && a.Offset == b.Offset,
        _ when ByValue(x.GetType()) => x.Equals(y),
        _ => ReferenceEquals(x, y),
    };

    /// <summary>One comparison of two trees, mapping the parameters each declares (lambdas, blocks) by position.</summary>
    private sealed class Matcher
    {
        private readonly Dictionary<ParameterExpression, ParameterExpression> parameters = [];

        public bool Same(Expression? x, Expression? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.NodeType != y.NodeType || x.Type != y.Type)
            {
                return false;
            }

            return (x, y) switch
            {
                (ConstantExpression a, ConstantExpression b) => SameValue(a.Value, b.Value),
                (ParameterExpression a, ParameterExpression b) => parameters.TryGetValue(a, out var mapped) ? mapped == b : a == b,
                (MemberExpression a, MemberExpression b) => Member(a, b),
                (MethodCallExpression a, MethodCallExpression b) => a.Method == b.Method && Same(a.Object, b.Object) && All(a.Arguments, b.Arguments),
                (UnaryExpression a, UnaryExpression b) => a.Method == b.Method && Same(a.Operand, b.Operand),
                (BinaryExpression a, BinaryExpression b) => a.Method == b.Method && a.IsLiftedToNull == b.IsLiftedToNull
                    && Same(a.Left, b.Left) && Same(a.Right, b.Right) && Same(a.Conversion, b.Conversion),
                (LambdaExpression a, LambdaExpression b) => Lambda(a, b),
                (ConditionalExpression a, ConditionalExpression b) => Same(a.Test, b.Test) && Same(a.IfTrue, b.IfTrue) && Same(a.IfFalse, b.IfFalse),
                (NewExpression a, NewExpression b) => a.Constructor == b.Constructor && All(a.Arguments, b.Arguments)
                    && (a.Members ?? []).SequenceEqual(b.Members ?? []),
                (NewArrayExpression a, NewArrayExpression b) => All(a.Expressions, b.Expressions),
                (TypeBinaryExpression a, TypeBinaryExpression b) => a.TypeOperand == b.TypeOperand && Same(a.Expression, b.Expression),
                (InvocationExpression a, InvocationExpression b) => Same(a.Expression, b.Expression) && All(a.Arguments, b.Arguments),
                (IndexExpression a, IndexExpression b) => a.Indexer == b.Indexer && Same(a.Object, b.Object) && All(a.Arguments, b.Arguments),
                (DefaultExpression, DefaultExpression) => true,
                (MemberInitExpression a, MemberInitExpression b) => Same(a.NewExpression, b.NewExpression) && Bindings(a.Bindings, b.Bindings),
                (ListInitExpression a, ListInitExpression b) => Same(a.NewExpression, b.NewExpression) && Initializers(a.Initializers, b.Initializers),
                _ => false,
            };
        }

        private bool Member(MemberExpression a, MemberExpression b)
        {
            var capturedA = Captured(a, out var valueA);
            var capturedB = Captured(b, out var valueB);
            if (capturedA || capturedB)
            {
                return capturedA && capturedB && SameValue(valueA, valueB);
            }

            return a.Member == b.Member && Same(a.Expression, b.Expression);
        }

        private bool Lambda(LambdaExpression a, LambdaExpression b)
        {
            if (a.Parameters.Count != b.Parameters.Count || a.ReturnType != b.ReturnType)
            {
                return false;
            }

            for (var i = 0; i < a.Parameters.Count; i++)
            {
                if (a.Parameters[i].Type != b.Parameters[i].Type || a.Parameters[i].IsByRef != b.Parameters[i].IsByRef)
                {
                    return false;
                }

                parameters[a.Parameters[i]] = b.Parameters[i];
            }

            return Same(a.Body, b.Body);
        }

        private bool All(ReadOnlyCollection<Expression> a, ReadOnlyCollection<Expression> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!Same(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Bindings(ReadOnlyCollection<MemberBinding> a, ReadOnlyCollection<MemberBinding> b) =>
            a.Count == b.Count && a.Zip(b).All(p => p.First is MemberAssignment x && p.Second is MemberAssignment y
                && x.Member == y.Member && Same(x.Expression, y.Expression));

        private bool Initializers(ReadOnlyCollection<ElementInit> a, ReadOnlyCollection<ElementInit> b) =>
            a.Count == b.Count && a.Zip(b).All(p => p.First.AddMethod == p.Second.AddMethod && All(p.First.Arguments, p.Second.Arguments));
    }
}
