using System.Linq.Expressions;
using System.Reflection;

namespace Segmentation.Core.Engine.Network;

/// <summary>The rewrites and walks <see cref="EmittedMethods"/> applies to a lambda before it emits it.</summary>
internal static partial class EmittedMethods
{
    /// <summary>Whether IL can hold the constant inline.</summary>
    private static bool IsInline(ConstantExpression node) =>
        node.Value is null || node.Type.IsPrimitive || node.Type.IsEnum || node.Type == typeof(string) || node.Type == typeof(decimal);

    private sealed class ConstantCollector : ExpressionVisitor
    {
        /// <summary>The constants IL cannot hold, in order of appearance.</summary>
        public List<ConstantExpression> Nodes { get; } = [];

        /// <summary>Each of <see cref="Nodes"/>' position (by reference: one field per node).</summary>
        public Dictionary<ConstantExpression, int> Index { get; } = new(ReferenceEqualityComparer.Instance);

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (!IsInline(node) && Index.TryAdd(node, Nodes.Count))
            {
                Nodes.Add(node);
            }

            return node;
        }
    }

    private sealed class ConstantReplacer(Dictionary<ConstantExpression, int> index, FieldInfo[] fields) : ExpressionVisitor
    {
        protected override Expression VisitConstant(ConstantExpression node) =>
            index.TryGetValue(node, out var at) ? Expression.Field(null, fields[at]) : node;
    }

    /// <summary>
    /// Passes a read-only reference argument (<c>in</c>) that is not a variable through a copy in a variable: the emitter
    /// would pass an array element's value where the method expects its address. Writable reference arguments that are
    /// not variables are not supported (the lambda is compiled by <see cref="LambdaExpression.Compile()"/>).
    /// </summary>
    private sealed class ByRefArguments : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var visited = (MethodCallExpression)base.VisitMethodCall(node);
            var parameters = visited.Method.GetParameters();
            var copies = new List<ParameterExpression>();
            var setup = new List<Expression>();
            var arguments = visited.Arguments.ToArray();
            for (var i = 0; i < parameters.Length; i++)
            {
                if (!parameters[i].ParameterType.IsByRef || arguments[i] is ParameterExpression)
                {
                    continue;
                }

                if (!parameters[i].IsIn)
                {
                    throw new NotSupportedException($"A writable reference argument that is not a variable ({parameters[i].Name} of {visited.Method.Name}).");
                }

                var copy = Expression.Variable(arguments[i].Type, parameters[i].Name);
                copies.Add(copy);
                setup.Add(Expression.Assign(copy, arguments[i]));
                arguments[i] = copy;
            }

            return copies.Count == 0 ? visited : Expression.Block(visited.Type, copies, [.. setup, visited.Update(visited.Object, arguments)]);
        }
    }

    private sealed class TypeCollector : ExpressionVisitor
    {
        public HashSet<Type> Types { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is not null)
            {
                Types.Add(node.Type);
                switch (node)
                {
                    case MemberExpression member:
                        Types.Add(member.Member.DeclaringType!);
                        break;
                    case NewExpression { Constructor: { } constructor }:
                        Types.Add(constructor.DeclaringType!);
                        break;
                    default:
                        Add(node switch
                        {
                            MethodCallExpression call => call.Method,
                            UnaryExpression unary => unary.Method,
                            BinaryExpression binary => binary.Method,
                            _ => null,
                        });
                        break;
                }
            }

            return base.Visit(node);
        }

        private void Add(MethodInfo? method)
        {
            if (method is null)
            {
                return;
            }

            Types.Add(method.DeclaringType!);
            foreach (var argument in method.IsGenericMethod ? method.GetGenericArguments() : [])
            {
                Types.Add(argument);
            }
        }
    }
}
