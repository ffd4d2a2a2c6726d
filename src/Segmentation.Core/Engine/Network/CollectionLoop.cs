using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using static System.Linq.Expressions.Expression;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// How a generated loop walks a collection, chosen from the static type the collection's selector returns, so that no
/// collection is boxed and no enumerator allocated per profile: an array or a <see cref="List{T}"/> by index; a
/// collection of the .NET libraries with a value-type enumerator (<see cref="ImmutableArray{T}"/>,
/// <see cref="HashSet{T}"/>, a dictionary's values…) through that enumerator, as C#'s <c>foreach</c> does; anything else
/// through <see cref="IEnumerable{T}"/>, by index when the instance is an array or a list.
/// </summary>
/// <remarks>
/// Only the .NET libraries' collections are walked through their public enumerator: theirs yields what their
/// <see cref="IEnumerable{T}"/> implementation yields, which the interpreted scan and the node network use; a user's
/// type could make the two differ. A collection that throws (a default <see cref="ImmutableArray{T}"/>) may throw a
/// different exception here than through the interface; generated code then falls back to the node network, which
/// reports the fault as before.
/// </remarks>
internal sealed class CollectionLoop
{
    private static readonly Assembly[] Libraries = [typeof(object).Assembly, typeof(LinkedList<>).Assembly, typeof(ImmutableArray<>).Assembly];

    private readonly Kind kind;
    private readonly Expression items;
    private readonly MethodInfo? getEnumerator;

    private CollectionLoop(Kind kind, Expression items, ParameterExpression source, MethodInfo? getEnumerator)
    {
        this.kind = kind;
        this.items = items.Type == source.Type ? items : Convert(items, source.Type);
        Source = source;
        this.getEnumerator = getEnumerator;
    }

    private enum Kind
    {
        /// <summary>A one-dimensional array, by index.</summary>
        Array,

        /// <summary>A <see cref="List{T}"/>, by index.</summary>
        List,

        /// <summary>A library collection's value-type enumerator.</summary>
        Pattern,

        /// <summary><see cref="IEnumerable{T}"/>, by index when the instance is an array or a list.</summary>
        Interface,
    }

    /// <summary>The local holding the collection (typed as the selector returns it where that is walked directly).</summary>
    public ParameterExpression Source { get; }

    /// <summary>How the loop walks the collection (tests).</summary>
    public string Strategy => kind.ToString();

    /// <summary>
    /// The loop over <paramref name="items"/> (the selector's body on the profile) into items of <paramref name="itemType"/>.
    /// </summary>
    public static CollectionLoop Over(Expression items, Type itemType)
    {
        var typed = items is UnaryExpression { NodeType: ExpressionType.Convert } convert && Walks(convert.Operand.Type, itemType)
            ? convert.Operand
            : items;
        var type = typed.Type;
        if (type.IsSZArray && Yields(type.GetElementType()!, itemType))
        {
            return new(Kind.Array, typed, Variable(type, "array"), null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && Yields(type.GetGenericArguments()[0], itemType))
        {
            return new(Kind.List, typed, Variable(type, "list"), null);
        }

        if (Libraries.Contains(type.Assembly) && PatternEnumerator(type, itemType) is { } method)
        {
            return new(Kind.Pattern, typed, Variable(type, "source"), method);
        }

        return new(Kind.Interface, items, Variable(typeof(IEnumerable<>).MakeGenericType(itemType), "source"), null);
    }

    /// <summary>Stores the collection in <see cref="Source"/> and throws <see cref="InvalidOperationException"/> with <paramref name="nullMessage"/> when it is <see langword="null"/>.</summary>
    public Expression Prepare(string nullMessage)
    {
        var store = Assign(Source, items);
        if (Source.Type.IsValueType)
        {
            return store;
        }

        var fault = Throw(New(typeof(InvalidOperationException).GetConstructor([typeof(string)])!, Constant(nullMessage)));
        return Block(store, IfThen(Equal(Source, Constant(null, Source.Type)), fault));
    }

    /// <summary>The loop: for each element, assigns <paramref name="item"/> and runs <paramref name="body"/>.</summary>
    public Expression Loop(ParameterExpression item, Expression body) => kind switch
    {
        Kind.Array => Indexed(item, body, ArrayLength(Source), i => ArrayIndex(Source, i)),
        Kind.List => Indexed(item, body, Property(Source, "Count"), i => MakeIndex(Source, Source.Type.GetProperty("Item"), [i])),
        Kind.Pattern => Enumerated(Call(Source, getEnumerator!), item, body),
        _ => Interface(item, body),
    };

    private Expression Interface(ParameterExpression item, Expression body)
    {
        var itemType = item.Type;
        var arrayType = itemType.MakeArrayType();
        var listType = typeof(List<>).MakeGenericType(itemType);
        var array = Variable(arrayType, "array");
        var list = Variable(listType, "list");
        var enumerable = typeof(IEnumerable<>).MakeGenericType(itemType);
        return Block(
            [array, list],
            Assign(array, TypeAs(Source, arrayType)),
            IfThenElse(
                NotEqual(array, Constant(null, arrayType)),
                Indexed(item, body, ArrayLength(array), i => ArrayIndex(array, i)),
                Block(
                    Assign(list, TypeAs(Source, listType)),
                    IfThenElse(
                        NotEqual(list, Constant(null, listType)),
                        Indexed(item, body, Property(list, "Count"), i => MakeIndex(list, listType.GetProperty("Item"), [i])),
                        Enumerated(Call(Source, enumerable.GetMethod("GetEnumerator")!), item, body)))));
    }

    private static Expression Indexed(ParameterExpression item, Expression body, Expression count, Func<Expression, Expression> element)
    {
        var index = Variable(typeof(int), "i");
        var length = Variable(typeof(int), "n");
        var done = Label("indexedDone");
        var read = element(index);
        return Block(
            [index, length],
            Assign(index, Constant(0)),
            Assign(length, count),
            Expression.Loop(
                IfThenElse(
                    LessThan(index, length),
                    Block(Assign(item, read.Type == item.Type ? read : Convert(read, item.Type)), body, PostIncrementAssign(index)),
                    Break(done)),
                done));
    }

    /// <summary>A <c>foreach</c> over an enumerator: a value-type one is called in place, never boxed; disposed when it can be.</summary>
    private static Expression Enumerated(Expression start, ParameterExpression item, Expression body)
    {
        var type = start.Type;
        var enumerator = Variable(type, "e");
        var done = Label("enumeratedDone");
        var moveNext = type.IsInterface
            ? typeof(System.Collections.IEnumerator).GetMethod(nameof(System.Collections.IEnumerator.MoveNext))!
            : type.GetMethod(nameof(System.Collections.IEnumerator.MoveNext), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!;
        var current = Property(enumerator, type.GetProperty(nameof(IEnumerator<int>.Current), BindingFlags.Public | BindingFlags.Instance)!);
        Expression loop = Expression.Loop(
            IfThenElse(
                Call(enumerator, moveNext),
                Block(Assign(item, current.Type == item.Type ? current : Convert(current, item.Type)), body),
                Break(done)),
            done);
        var dispose = type.IsInterface
            ? typeof(IDisposable).GetMethod(nameof(IDisposable.Dispose))
            : type.GetMethod(nameof(IDisposable.Dispose), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (dispose is not null)
        {
            loop = TryFinally(loop, Call(enumerator, dispose));
        }

        return Block([enumerator], Assign(enumerator, start), loop);
    }

    /// <summary>A public <c>GetEnumerator()</c> returning a value type with <c>MoveNext()</c> and a <c>Current</c> of the item type.</summary>
    private static MethodInfo? PatternEnumerator(Type type, Type itemType)
    {
        var method = type.GetMethod("GetEnumerator", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        var enumerator = method?.ReturnType;
        if (enumerator is null || !enumerator.IsValueType)
        {
            return null;
        }

        var moveNext = enumerator.GetMethod(nameof(System.Collections.IEnumerator.MoveNext), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        var current = enumerator.GetProperty(nameof(IEnumerator<int>.Current), BindingFlags.Public | BindingFlags.Instance);
        return moveNext?.ReturnType == typeof(bool) && current is not null && Yields(current.PropertyType, itemType) ? method : null;
    }

    /// <summary>Whether a collection of static type <paramref name="type"/> is one of items of <paramref name="itemType"/>.</summary>
    private static bool Walks(Type type, Type itemType) => typeof(IEnumerable<>).MakeGenericType(itemType).IsAssignableFrom(type);

    /// <summary>Whether an element of <paramref name="element"/> is an item without boxing (the same type, or a reference conversion).</summary>
    private static bool Yields(Type element, Type itemType) => element == itemType || (!element.IsValueType && itemType.IsAssignableFrom(element));
}
