using System.Linq.Expressions;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Dsl;

/// <summary>
/// A dated collection of the profile (orders, events …) that the engine can see: every aggregate over it is computed
/// in one fused pass per profile, limited to facts dated at or before the as-of instant.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class DatedCollection<TProfile, TItem>
{
    internal DatedCollection(DatedCollectionDefinition<TProfile, TItem> definition) => Definition = definition;

    /// <summary>The model collection.</summary>
    public DatedCollectionDefinition<TProfile, TItem> Definition { get; }

    /// <summary>The number of (matching) items in a window.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> Count(Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.Count, null, filter);

    /// <summary>The sum of a value over (matching) items in a window; 0 when there are none.</summary>
    /// <param name="selector">The value.</param>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> Sum(Expression<Func<TItem, decimal>> selector, Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.Sum, selector, filter);

    /// <summary>The mean of a value over (matching) items in a window; no value when there are none.</summary>
    /// <param name="selector">The value.</param>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> Average(Expression<Func<TItem, decimal>> selector, Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.Average, selector, filter);

    /// <summary>The smallest value over (matching) items in a window; no value when there are none.</summary>
    /// <param name="selector">The value.</param>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> Min(Expression<Func<TItem, decimal>> selector, Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.Min, selector, filter);

    /// <summary>The largest value over (matching) items in a window; no value when there are none.</summary>
    /// <param name="selector">The value.</param>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> Max(Expression<Func<TItem, decimal>> selector, Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.Max, selector, filter);

    /// <summary>Days (fractional) from the latest (matching) item to as-of; no value when there is none.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> DaysSinceLast(Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.DaysSinceLast, null, filter);

    /// <summary>Days (fractional) from the earliest (matching) item to as-of; no value when there is none.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> DaysSinceFirst(Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.DaysSinceFirst, null, filter);

    /// <summary>The number of distinct UTC calendar days with a (matching) item.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> DistinctDays(Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.DistinctDays, null, filter);

    /// <summary>Repeat days ("frequency"): distinct UTC days with a (matching) item, minus one; same-day items count once.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> RepeatDays(Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.RepeatDays, null, filter);

    /// <summary>Days from the earliest to the latest (matching) item ("recency" in customer-base analysis); no value when there is none.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> DaysFirstToLast(Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.DaysFirstToLast, null, filter);

    /// <summary>
    /// The mean per-day total of a value over the repeat days, the first day excluded ("monetary value");
    /// 0 with a single day, no value without items.
    /// </summary>
    /// <param name="selector">The value.</param>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> RepeatDayAverage(Expression<Func<TItem, decimal>> selector, Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.RepeatDayAverage, selector, filter);

    /// <summary>The total of a value divided by the number of distinct days with an item ("average order value", same-day items as one); no value without items.</summary>
    /// <param name="selector">The value.</param>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> DayAverage(Expression<Func<TItem, decimal>> selector, Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.DayAverage, selector, filter);

    /// <summary>
    /// The median of a value: the middle one, or the mean of the two middle ones for an even number of items
    /// ("typical order value", robust to a few very large orders); no value without items.
    /// </summary>
    /// <param name="selector">The value.</param>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage.</returns>
    public Window<Measure<TProfile>> Median(Expression<Func<TItem, decimal>> selector, Expression<Func<TItem, bool>>? filter = null) => Aggregate(AggregateKind.Median, selector, filter);

    /// <summary>At least one (matching) item in a window.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage, completing to a condition.</returns>
    public Window<Condition<TProfile>> Any(Expression<Func<TItem, bool>>? filter = null) =>
        new(window => new Measure<TProfile>(Source(AggregateKind.Count, window, null, filter)).AtLeast(1));

    /// <summary>No (matching) item in a window.</summary>
    /// <param name="filter">An optional item filter.</param>
    /// <returns>The window stage, completing to a condition.</returns>
    public Window<Condition<TProfile>> None(Expression<Func<TItem, bool>>? filter = null) =>
        new(window => new Measure<TProfile>(Source(AggregateKind.Count, window, null, filter)).EqualTo(0));

    private Window<Measure<TProfile>> Aggregate(AggregateKind kind, LambdaExpression? selector, LambdaExpression? filter)
    {
        if (AggregateDefinitions.Of(kind).UsesSelector)
        {
            ArgumentNullException.ThrowIfNull(selector);
        }

        return new(window => new Measure<TProfile>(Source(kind, window, selector, filter)));
    }

    private AggregateSource Source(AggregateKind kind, TimeWindow window, LambdaExpression? selector, LambdaExpression? filter) =>
        new(Definition, kind, window, selector, filter);
}
