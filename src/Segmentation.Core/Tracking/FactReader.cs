using System.Linq.Expressions;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Tracking;

/// <summary>
/// Reads the instants (UTC ticks) of a profile's facts in one dated collection that pass one aggregate filter, through
/// the collection's shared compiled accessors (<see cref="DatedFacts{TProfile}"/>): the same items and instants the
/// engine's scanners see.
/// </summary>
internal abstract class FactReader<TProfile>
{
    public abstract void Read(TProfile profile, List<long> ticks);

    public static FactReader<TProfile> Create(DatedCollectionDefinition collection, LambdaExpression? filter, bool interpret) =>
        DatedFacts.Of<TProfile>(collection, interpret).Accept(new Factory(filter, interpret));

    private sealed class Factory(LambdaExpression? filter, bool interpret) : IDatedFactsVisitor<TProfile, FactReader<TProfile>>
    {
        public FactReader<TProfile> Visit<TItem>(DatedFacts<TProfile, TItem> facts) => new FactReader<TProfile, TItem>(facts, filter, interpret);
    }
}

/// <summary>
/// The typed fact reader. A candidate instant is only a place to look, so faults are tolerated: a collection that
/// throws or is <see langword="null"/> has no facts, an item whose date throws is skipped, and one whose filter throws
/// is kept (the engine decides at that instant).
/// </summary>
internal sealed class FactReader<TProfile, TItem>(DatedFacts<TProfile, TItem> facts, LambdaExpression? filter, bool interpret) : FactReader<TProfile>
{
    private readonly Func<TItem, bool>? filter = filter is null ? null : Expression.Lambda<Func<TItem, bool>>(filter.Body, filter.Parameters).Compile(interpret);

    public override void Read(TProfile profile, List<long> ticks)
    {
        IEnumerable<TItem>? source;
        try
        {
            source = facts.Items(profile);
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
            t = facts.Ticks(item);
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
