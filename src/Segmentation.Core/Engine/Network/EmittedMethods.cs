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
internal static partial class EmittedMethods
{
    private const string IgnoresAccessChecksTo = "System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute";
    private static readonly Lock Sync = new();
    private static readonly object Target = new();
    private static readonly ConcurrentDictionary<int, object?[]> Pending = new();
    private static readonly HashSet<string> Granted = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<Delegate, string> Reasons = [];
    private static AssemblyBuilder? assembly;
    private static ModuleBuilder? module;
    private static ConstructorInfo? grant;
    private static Assembly? loaded;
    private static int next;

    /// <summary>Why <paramref name="code"/>, returned by <see cref="Compile{TDelegate}"/>, is a dynamic method, or <see langword="null"/>.</summary>
    public static string? WhyNotEmitted(Delegate code) => Reasons.TryGetValue(code, out var reason) ? reason : null;

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

                var rewritten = (LambdaExpression)new ByRefArguments().Visit(new ConstantReplacer(constants.Index, fields).Visit(lambda));

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

                // Compiles the first tier now: IL the runtime rejects falls back here, not in an evaluation. (A member the code may
                // not reach would fail only when called, which is why every assembly the lambda names is granted above.)
                RuntimeHelpers.PrepareMethod(created.MethodHandle);
                return created.CreateDelegate<TDelegate>(Target);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Pending.TryRemove(id, out _);
            return Fallback(lambda, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Hands a holder type's static constructor its constants (called once per holder, from emitted code).</summary>
    public static object?[] Take(int id) => Pending.TryRemove(id, out var values) ? values : throw new InvalidOperationException($"No constants for generated code {id}.");

    private static TDelegate Fallback<TDelegate>(Expression<TDelegate> lambda, string reason)
        where TDelegate : Delegate
    {
        var compiled = lambda.Compile();
        Reasons.AddOrUpdate(compiled, reason);
        return compiled;
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
}
