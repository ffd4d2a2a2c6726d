using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using FastExpressionCompiler;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Compiles generated lambdas into static methods of one dynamic assembly that lives as long as the process. Unlike a
/// <c>DynamicMethod</c> (what <see cref="LambdaExpression.Compile()"/> produces) or a method of a collectible assembly,
/// which the runtime compiles once, fully optimized but without profile data, a method of a non-collectible assembly is
/// tiered like the user's own code: it starts instrumented, and is recompiled with dynamic PGO (block layout from real
/// branch counts, loop alignment, <c>static readonly</c> values folded as constants) once it is hot.
/// </summary>
/// <remarks>
/// Constants that IL cannot hold (objects, arrays, delegates, boxed values) become <c>static readonly</c> fields of a
/// holder type, set by its static constructor from <see cref="Take"/>. The assembly ignores access checks to every
/// assembly whose types the code names (internal frames, users' private closures), as <c>DynamicMethod</c>s do. A
/// lambda the emitter cannot translate is compiled by <see cref="LambdaExpression.Compile()"/> instead.
/// </remarks>
internal static class EmittedMethods
{
    private const string IgnoresAccessChecksTo = "System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute";
    private static readonly Lock Sync = new();
    private static readonly object Target = new();
    private static readonly ConcurrentDictionary<int, object?[]> Pending = new();
    private static readonly HashSet<string> Granted = new(StringComparer.Ordinal);
    private static AssemblyBuilder? assembly;
    private static ModuleBuilder? module;
    private static ConstructorInfo? grant;
    private static Assembly? loaded;
    private static int next;
    private static long fallbacks;

    /// <summary>How many lambdas were compiled by <see cref="LambdaExpression.Compile()"/> because the emitter could not translate them.</summary>
    public static long Fallbacks => Interlocked.Read(ref fallbacks);

    /// <summary>Why the last lambda was compiled by <see cref="LambdaExpression.Compile()"/> (diagnostics).</summary>
    public static string? LastFallback { get; private set; }

    /// <summary>Whether <paramref name="code"/> is a method this class emitted.</summary>
    public static bool Emitted(Delegate code) => loaded is not null && code.Method.DeclaringType?.Assembly == loaded;

    /// <summary>Compiles <paramref name="lambda"/> into a tiered static method, or with <see cref="LambdaExpression.Compile()"/> when that fails.</summary>
    public static TDelegate Compile<TDelegate>(Expression<TDelegate> lambda)
        where TDelegate : Delegate
    {
        var id = Interlocked.Increment(ref next);
        var constants = new ConstantCollector();
        constants.Visit(lambda);
        var types = new TypeCollector();
        types.Visit(lambda);
        try
        {
            lock (Sync)
            {
                var emitModule = EnsureModule();
                Grant(typeof(EmittedMethods));
                foreach (var named in types.Types.Concat(constants.Nodes.Select(c => c.Type)))
                {
                    Grant(named);
                }

                var fields = constants.Nodes.Count == 0 ? [] : Holder(emitModule, id, constants.Nodes);
                if (fields.Length > 0)
                {
                    Pending[id] = [.. constants.Nodes.Select(c => c.Value)];
                }

                var rewritten = (LambdaExpression)new ByRefArguments().Visit(new ConstantReplacer(constants.Nodes, fields).Visit(lambda));

                // A leading parameter the delegate is closed over: invoking a delegate of a static method without one goes through a shuffle thunk.
                var parameters = new[] { Expression.Parameter(typeof(object), "target") }.Concat(rewritten.Parameters).ToArray();
                rewritten = Expression.Lambda(rewritten.Body, parameters);
                var type = emitModule.DefineType($"Segmentation.Generated.Code{id}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
                var builder = type.DefineMethod("Invoke", MethodAttributes.Public | MethodAttributes.Static, lambda.ReturnType, [.. parameters.Select(p => p.Type)]);
                if (!rewritten.CompileFastToIL(builder.GetILGenerator(), CompilerFlags.ThrowOnNotSupportedExpression))
                {
                    Pending.TryRemove(id, out _);
                    return Fallback(lambda, "the emitter does not support the lambda");
                }

                var created = type.CreateType().GetMethod("Invoke")!;

                // Compiles the first tier now: IL the runtime rejects (or a member it may not reach) falls back here, not in an evaluation.
                RuntimeHelpers.PrepareMethod(created.MethodHandle);
                return created.CreateDelegate<TDelegate>(Target);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Pending.TryRemove(id, out _);
            return Fallback(lambda, ex.ToString());
        }
    }

    /// <summary>Hands a holder type's static constructor its constants (called once per holder, from emitted code).</summary>
    public static object?[] Take(int id) => Pending.TryRemove(id, out var values) ? values : throw new InvalidOperationException($"No constants for generated code {id}.");

    private static TDelegate Fallback<TDelegate>(Expression<TDelegate> lambda, string reason)
        where TDelegate : Delegate
    {
        LastFallback = reason;
        Interlocked.Increment(ref fallbacks);
        return lambda.Compile();
    }

    private static ModuleBuilder EnsureModule()
    {
        if (module is not null)
        {
            return module;
        }

        assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Segmentation.Generated"), AssemblyBuilderAccess.Run);
        module = assembly.DefineDynamicModule("Segmentation.Generated");
        var attribute = module.DefineType(IgnoresAccessChecksTo, TypeAttributes.Public | TypeAttributes.Sealed, typeof(Attribute));
        attribute.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(AttributeUsageAttribute).GetConstructor([typeof(AttributeTargets)])!,
            [AttributeTargets.Assembly],
            [typeof(AttributeUsageAttribute).GetProperty(nameof(AttributeUsageAttribute.AllowMultiple))!],
            [true]));
        var ctor = attribute.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(string)]);
        var il = ctor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(Attribute).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!);
        il.Emit(OpCodes.Ret);
        var created = attribute.CreateType();
        loaded = created.Assembly;
        grant = created.GetConstructor([typeof(string)])!;
        return module;
    }

    private static void Grant(Type type)
    {
        if (type.HasElementType)
        {
            Grant(type.GetElementType()!);
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Grant(argument);
            }
        }

        var name = type.Assembly.GetName().Name;
        if (name is not null && Granted.Add(name))
        {
            assembly!.SetCustomAttribute(new CustomAttributeBuilder(grant!, [name]));
        }
    }

    private static FieldInfo[] Holder(ModuleBuilder emitModule, int id, List<ConstantExpression> nodes)
    {
        var holder = emitModule.DefineType($"Segmentation.Generated.Constants{id}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var fields = nodes.Select((n, i) => holder.DefineField($"C{i}", n.Type, FieldAttributes.Public | FieldAttributes.Static | FieldAttributes.InitOnly)).ToArray();
        var il = holder.DefineTypeInitializer().GetILGenerator();
        var values = il.DeclareLocal(typeof(object[]));
        il.Emit(OpCodes.Ldc_I4, id);
        il.Emit(OpCodes.Call, typeof(EmittedMethods).GetMethod(nameof(Take))!);
        il.Emit(OpCodes.Stloc, values);
        for (var i = 0; i < fields.Length; i++)
        {
            il.Emit(OpCodes.Ldloc, values);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_Ref);
            il.Emit(OpCodes.Unbox_Any, nodes[i].Type);
            il.Emit(OpCodes.Stsfld, fields[i]);
        }

        il.Emit(OpCodes.Ret);
        var created = holder.CreateType();
        return [.. fields.Select(f => created.GetField(f.Name)!)];
    }

    /// <summary>Whether IL can hold the constant inline.</summary>
    private static bool IsInline(ConstantExpression node) =>
        node.Value is null || node.Type.IsPrimitive || node.Type.IsEnum || node.Type == typeof(string) || node.Type == typeof(decimal);

    private sealed class ConstantCollector : ExpressionVisitor
    {
        public List<ConstantExpression> Nodes { get; } = [];

        private readonly HashSet<ConstantExpression> seen = new(ReferenceEqualityComparer.Instance);

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (!IsInline(node) && seen.Add(node))
            {
                Nodes.Add(node);
            }

            return node;
        }
    }

    private sealed class ConstantReplacer(List<ConstantExpression> nodes, FieldInfo[] fields) : ExpressionVisitor
    {
        protected override Expression VisitConstant(ConstantExpression node)
        {
            var index = nodes.IndexOf(node);
            return index < 0 ? node : Expression.Field(null, fields[index]);
        }
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
            }

            return base.Visit(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Types.Add(node.Member.DeclaringType!);
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Add(node.Method);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            if (node.Constructor is not null)
            {
                Types.Add(node.Constructor.DeclaringType!);
            }

            return base.VisitNew(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            Add(node.Method);
            return base.VisitUnary(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            Add(node.Method);
            return base.VisitBinary(node);
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
