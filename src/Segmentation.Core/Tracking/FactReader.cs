using System.Linq.Expressions;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>Reads the instants (UTC ticks) of a profile's facts in one dated collection that pass one aggregate filter.</summary>
internal abstract class FactReader<TProfile>
{
    public abstract void Read(TProfile profile, List<long> ticks);

    public static FactReader<TProfile> Create(DatedCollectionDefinition collection, LambdaExpression? filter, bool interpret) =>
        collection.Accept(new Factory(filter, interpret));

    private sealed class Factory(LambdaExpression? filter, bool interpret) : IDatedCollectionVisitor<FactReader<TProfile>>
    {
        public FactReader<TProfile> Visit<TOwner, TItem>(DatedCollectionDefinition<TOwner, TItem> collection) =>
            (FactReader<TProfile>)(object)new FactReader<TOwner, TItem>(collection, filter, interpret);
    }
}

/// <summary>The typed fact reader: the model's lambdas compiled once.</summary>
internal sealed class FactReader<TProfile, TItem> : FactReader<TProfile>
{
    private readonly Func<TProfile, IEnumerable<TItem>?> items;
    private readonly Func<TItem, long> ticks;
    private readonly Func<TItem, bool>? filter;

    public FactReader(DatedCollectionDefinition<TProfile, TItem> collection, LambdaExpression? filter, bool interpret)
    {
        items = ((Expression<Func<TProfile, IEnumerable<TItem>?>>)collection.Items).Compile(interpret);
        if (collection.Date is Expression<Func<TItem, DateTimeOffset>> offset)
        {
            var date = offset.Compile(interpret);
            ticks = item => DateMath.Ticks(date(item));
        }
        else
        {
            var date = ((Expression<Func<TItem, DateTime>>)collection.Date).Compile(interpret);
            ticks = item => DateMath.Ticks(date(item));
        }

        this.filter = filter is null ? null : Expression.Lambda<Func<TItem, bool>>(filter.Body, filter.Parameters).Compile(interpret);
    }

    public override void Read(TProfile profile, List<long> ticks)
    {
        IEnumerable<TItem>? source;
        try
        {
            source = items(profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return;
        }

        foreach (var item in source ?? [])
        {
            if (TryTicks(item, out var t) && Passes(item))
            {
                ticks.Add(t);
            }
        }
    }

    private bool TryTicks(TItem item, out long t)
    {
        try
        {
            t = ticks(item);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            t = 0;
            return false;
        }
    }

    private bool Passes(TItem item)
    {
        try
        {
            return filter is null || filter(item);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true;
        }
    }
}
