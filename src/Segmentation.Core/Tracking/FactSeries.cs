using System.Linq.Expressions;
using Segmentation.Core.Semantics;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>
/// One aggregate's facts of one profile, sorted by instant: UTC ticks, and values when the aggregate reads a selector.
/// <see cref="Exact"/> is false when an accessor, the filter or the selector threw for some item (the engine's outcome may
/// then depend on which items are inside the window in ways a sweep does not model), or when the values cannot be summed
/// exactly in every order (so the engine's sum might round differently from a sweep's).
/// </summary>
internal sealed class FactSeries(long[] ticks, decimal[]? values, bool exact)
{
    public static FactSeries Empty { get; } = new([], null, exact: true);

    /// <summary>The instants, ascending.</summary>
    public long[] Ticks { get; } = ticks;

    /// <summary>The selected values in the order of <see cref="Ticks"/>, or <see langword="null"/> without a selector.</summary>
    public decimal[]? Values { get; } = values;

    public bool Exact { get; } = exact;

    public static FactSeries Sorted(List<long> ticks, List<decimal>? values, bool exact)
    {
        var t = ticks.ToArray();
        if (values is null)
        {
            Array.Sort(t);
            return new FactSeries(t, null, exact);
        }

        var v = values.ToArray();
        Array.Sort(t, v);
        return new FactSeries(t, v, exact && SumsExactly(v));
    }

    /// <summary>
    /// Whether every partial sum of the values, in any order, is exact: all values are multiples of 10^-s for the largest
    /// scale s among them, and the sum of their magnitudes scaled by 10^s fits the 96-bit mantissa of a decimal (with a
    /// margin), so no addition or subtraction ever rounds.
    /// </summary>
    private static bool SumsExactly(decimal[] values)
    {
        try
        {
            var scale = 0;
            var magnitude = 0m;
            foreach (var value in values)
            {
                scale = Math.Max(scale, value.Scale);
                magnitude += Math.Abs(value);
            }

            var unit = 1m;
            for (var i = 0; i < scale; i++)
            {
                unit *= 10m;
            }

            // Half the range leaves room for the rounding the running sum of magnitudes itself may have done.
            return magnitude * unit < decimal.MaxValue / 2;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}

/// <summary>
/// Reads the <see cref="FactSeries"/> of one aggregate through the collection's shared compiled accessors
/// (<see cref="DatedFacts{TProfile}"/>: the same items and instants the engine's scanners see), with the aggregate's
/// filter and selector compiled once.
/// </summary>
internal abstract class FactSeriesReader<TProfile>
{
    public abstract FactSeries Read(TProfile profile);

    public static FactSeriesReader<TProfile> Create(AggregateSource aggregate, bool interpret) =>
        DatedFacts.Of<TProfile>(aggregate.Collection, interpret).Accept(new Factory(aggregate.Filter, aggregate.UsesSelector ? aggregate.Selector : null, interpret));

    private sealed class Factory(LambdaExpression? filter, LambdaExpression? selector, bool interpret) : IDatedFactsVisitor<TProfile, FactSeriesReader<TProfile>>
    {
        public FactSeriesReader<TProfile> Visit<TItem>(DatedFacts<TProfile, TItem> facts) => new FactSeriesReader<TProfile, TItem>(facts, filter, selector, interpret);
    }
}

/// <summary>The typed reader.</summary>
internal sealed class FactSeriesReader<TProfile, TItem> : FactSeriesReader<TProfile>
{
    private readonly Func<TProfile, IEnumerable<TItem>?> items;
    private readonly Func<TItem, long> ticks;
    private readonly Func<TItem, bool>? filter;
    private readonly Func<TItem, decimal>? selector;

    public FactSeriesReader(DatedFacts<TProfile, TItem> facts, LambdaExpression? filter, LambdaExpression? selector, bool interpret)
    {
        items = facts.Items;
        ticks = facts.Ticks;
        this.filter = filter is null ? null : Expression.Lambda<Func<TItem, bool>>(LiftedOperands.EvaluateBoth(filter.Body), filter.Parameters).Compile(interpret);
        this.selector = selector is null ? null : Expression.Lambda<Func<TItem, decimal>>(LiftedOperands.EvaluateBoth(selector.Body), selector.Parameters).Compile(interpret);
    }

    public override FactSeries Read(TProfile profile)
    {
        IEnumerable<TItem>? source;
        try
        {
            source = items(profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return FactSeries.Empty;
        }

        var instants = new List<long>();
        var values = selector is null ? null : new List<decimal>();
        var exact = true;
        try
        {
            foreach (var item in new FactItems<TItem>(source ?? []))
            {
                exact &= Read(item, instants, values);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            exact = false;
        }

        return FactSeries.Sorted(instants, values, exact);
    }

    /// <summary>Adds one item; false when something threw (the item still counts as a fact, conservatively).</summary>
    private bool Read(TItem item, List<long> instants, List<decimal>? values)
    {
        long t;
        try
        {
            t = ticks(item);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }

        bool passes;
        decimal value = 0m;
        try
        {
            passes = filter is null || filter(item);
            if (passes && selector is not null)
            {
                value = selector(item);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            instants.Add(t);
            values?.Add(0m);
            return false;
        }

        if (passes)
        {
            instants.Add(t);
            values?.Add(value);
        }

        return true;
    }
}
