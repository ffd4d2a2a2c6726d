using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;

namespace Segmentation.Core.Semantics;

/// <summary>
/// A dated collection's accessors, compiled once per collection definition and compilation mode and shared by the
/// engine's scanners and valid-until's fact reading: the items of a profile and the instant (UTC ticks, see
/// <see cref="DateMath.Ticks(DateTime)"/>) of an item. Generated code inlines the same expressions instead.
/// </summary>
internal abstract class DatedFacts<TProfile>
{
    private protected DatedFacts(DatedCollectionDefinition definition) => Definition = definition;

    public DatedCollectionDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>The message of the fault of a <see langword="null"/> collection.</summary>
    public string NullMessage => $"The collection '{Name}' is null.";

    /// <summary>Dispatches to the visitor with the item type bound.</summary>
    public abstract TResult Accept<TResult>(IDatedFactsVisitor<TProfile, TResult> visitor);
}

/// <summary>Receives <see cref="DatedFacts{TProfile}"/> with its item type bound.</summary>
internal interface IDatedFactsVisitor<TProfile, out TResult>
{
    TResult Visit<TItem>(DatedFacts<TProfile, TItem> facts);
}

/// <summary>The typed accessors of a dated collection.</summary>
internal sealed class DatedFacts<TProfile, TItem> : DatedFacts<TProfile>
{
    public DatedFacts(DatedCollectionDefinition<TProfile, TItem> definition, bool interpret)
        : base(definition)
    {
        Items = LiftedOperands.EvaluateBoth((Expression<Func<TProfile, IEnumerable<TItem>?>>)definition.Items).Compile(interpret);
        var item = Expression.Parameter(typeof(TItem), "item");
        Ticks = Expression.Lambda<Func<TItem, long>>(TicksOf(item), item).Compile(interpret);
    }

    public Func<TProfile, IEnumerable<TItem>?> Items { get; }

    public Func<TItem, long> Ticks { get; }

    /// <summary>The item selector's body on a profile expression, for generated code.</summary>
    public Expression ItemsOf(Expression profile) => ParameterReplacer.Inline(Definition.Items, profile);

    /// <summary>The instant of an item expression in UTC ticks, for generated code (and <see cref="Ticks"/>).</summary>
    public Expression TicksOf(Expression item) => DateMath.TicksOf(ParameterReplacer.Inline(Definition.Date, item));

    /// <summary>
    /// Whether <see cref="TryTicksWithoutConversionOf"/> can fail: the date is a <see cref="DateTime"/>, which may be of local kind.
    /// </summary>
    public bool MayNeedConversion => DateMath.MayNeedConversion(Definition.Date.ReturnType);

    /// <summary>
    /// For generated code: stores the instant of an item expression in <paramref name="ticks"/> and is true, or is false
    /// when the date needs a time-zone conversion (see <see cref="DateMath.TryTicksWithoutConversion"/>); only for dates that <see cref="MayNeedConversion"/>.
    /// </summary>
    public Expression TryTicksWithoutConversionOf(Expression item, ParameterExpression ticks) =>
        DateMath.TryTicksWithoutConversionOf(ParameterReplacer.Inline(Definition.Date, item), ticks);

    /// <summary>The profile's items; a <see langword="null"/> collection throws (it faults the aggregates over it).</summary>
    public IEnumerable<TItem> ItemsOrThrow(TProfile profile) => Items(profile) ?? throw new InvalidOperationException(NullMessage);

    public override TResult Accept<TResult>(IDatedFactsVisitor<TProfile, TResult> visitor) => visitor.Visit(this);
}

/// <summary>The shared cache of compiled collections.</summary>
internal static class DatedFacts
{
    private static readonly ConditionalWeakTable<DatedCollectionDefinition, object> Compiled = [];
    private static readonly ConditionalWeakTable<DatedCollectionDefinition, object> Interpreted = [];

    /// <summary>The compiled accessors of a collection of <typeparamref name="TProfile"/>, compiled on first use.</summary>
    public static DatedFacts<TProfile> Of<TProfile>(DatedCollectionDefinition definition, bool interpret) =>
        (DatedFacts<TProfile>)(interpret ? Interpreted : Compiled).GetValue(definition, d => d.Accept(new Factory<TProfile>(interpret)));

    private sealed class Factory<TProfile>(bool interpret) : IDatedCollectionVisitor<object>
    {
        public object Visit<TOwner, TItem>(DatedCollectionDefinition<TOwner, TItem> collection) =>
            typeof(TOwner) == typeof(TProfile)
                ? new DatedFacts<TOwner, TItem>(collection, interpret)
                : throw new ArgumentException($"The collection '{collection.Name}' belongs to {typeof(TOwner).Name}, not {typeof(TProfile).Name}.");
    }
}
