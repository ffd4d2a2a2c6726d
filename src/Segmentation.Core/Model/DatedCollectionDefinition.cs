using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>
/// A collection of dated facts on a profile (orders, events, visits) that aggregates read,
/// chosen by an item selector and a date accessor.
/// </summary>
public abstract class DatedCollectionDefinition
{
    private protected DatedCollectionDefinition(string name, LambdaExpression items, LambdaExpression date)
    {
        Name = name;
        Items = items;
        Date = date;
    }

    /// <summary>The collection's display name, such as <c>orders</c>.</summary>
    public string Name { get; }

    /// <summary>The selector from the profile to its items: <c>profile =&gt; IEnumerable&lt;TItem&gt;</c>.</summary>
    public LambdaExpression Items { get; }

    /// <summary>The accessor from an item to its instant: <c>item =&gt; DateTime</c> or <c>item =&gt; DateTimeOffset</c>.</summary>
    public LambdaExpression Date { get; }

    /// <summary>The item type.</summary>
    public abstract Type ItemType { get; }

    /// <summary>Dispatches to the visitor's generic method with the item type bound.</summary>
    /// <typeparam name="TResult">The visitor's result type.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>The visitor's result.</returns>
    internal abstract TResult Accept<TResult>(IDatedCollectionVisitor<TResult> visitor);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A dated collection of <typeparamref name="TItem"/> on <typeparamref name="TProfile"/>.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class DatedCollectionDefinition<TProfile, TItem> : DatedCollectionDefinition
{
    /// <summary>Creates a dated collection whose items carry a <see cref="DateTime"/> (taken as UTC; local times are converted).</summary>
    /// <param name="name">The display name.</param>
    /// <param name="items">The item selector.</param>
    /// <param name="date">The date accessor.</param>
    public DatedCollectionDefinition(string name, Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTime>> date)
        : base(name, items, date)
    {
    }

    /// <summary>Creates a dated collection whose items carry a <see cref="DateTimeOffset"/>.</summary>
    /// <param name="name">The display name.</param>
    /// <param name="items">The item selector.</param>
    /// <param name="date">The date accessor.</param>
    public DatedCollectionDefinition(string name, Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTimeOffset>> date)
        : base(name, items, date)
    {
    }

    /// <inheritdoc />
    public override Type ItemType => typeof(TItem);

    /// <inheritdoc />
    internal override TResult Accept<TResult>(IDatedCollectionVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}

/// <summary>Receives a dated collection with its profile and item types bound.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal interface IDatedCollectionVisitor<out TResult>
{
    /// <summary>Visits a typed dated collection.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <returns>The result.</returns>
    TResult Visit<TProfile, TItem>(DatedCollectionDefinition<TProfile, TItem> collection);
}
