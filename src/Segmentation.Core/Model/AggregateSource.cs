using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>An aggregate over the facts of a dated collection inside a time window, optionally filtered.</summary>
public sealed class AggregateSource : ValueSource
{
    /// <summary>Creates an aggregate source.</summary>
    /// <param name="collection">The dated collection.</param>
    /// <param name="kind">What to compute.</param>
    /// <param name="window">Which facts count, relative to as-of.</param>
    /// <param name="selector">The value selector <c>item =&gt; decimal</c>, required by sum, average, min and max.</param>
    /// <param name="filter">An optional item filter <c>item =&gt; bool</c>.</param>
    internal AggregateSource(DatedCollectionDefinition collection, AggregateKind kind, TimeWindow window, LambdaExpression? selector = null, LambdaExpression? filter = null)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(window);
        Collection = collection;
        Kind = kind;
        Window = window;
        Selector = selector;
        Filter = filter;
    }

    /// <summary>The dated collection.</summary>
    public DatedCollectionDefinition Collection { get; }

    /// <summary>What to compute.</summary>
    public AggregateKind Kind { get; }

    /// <summary>Which facts count.</summary>
    public TimeWindow Window { get; }

    /// <summary>The value selector, or <see langword="null"/> for kinds that need none.</summary>
    public LambdaExpression? Selector { get; }

    /// <summary>The item filter, or <see langword="null"/> for every item.</summary>
    public LambdaExpression? Filter { get; }

    /// <summary>Whether this kind reads the value selector.</summary>
    public bool UsesSelector => Kind is AggregateKind.Sum or AggregateKind.Average or AggregateKind.Min or AggregateKind.Max
        or AggregateKind.RepeatDayAverage or AggregateKind.DayAverage;

    /// <summary>Whether this kind counts distinct UTC calendar days.</summary>
    public bool UsesDays => Kind is AggregateKind.DistinctDays or AggregateKind.RepeatDays or AggregateKind.RepeatDayAverage or AggregateKind.DayAverage;

    /// <summary>Returns the same aggregate over another window.</summary>
    /// <param name="window">The new window.</param>
    /// <returns>A new aggregate source.</returns>
    public AggregateSource WithWindow(TimeWindow window) => new(Collection, Kind, window, Selector, Filter);

    /// <inheritdoc />
    public override string Describe()
    {
        var subject = Collection.Name + (UsesSelector && Selector is not null ? "." + MemberText(Selector) : string.Empty);
        var where = Filter is null ? string.Empty : $" where {ExpressionText.BodyOf(Filter)}";
        var name = Kind switch
        {
            AggregateKind.Count => "count",
            AggregateKind.Sum => "sum",
            AggregateKind.Average => "average",
            AggregateKind.Min => "min",
            AggregateKind.Max => "max",
            AggregateKind.DaysSinceFirst => "days since first",
            AggregateKind.DaysSinceLast => "days since last",
            AggregateKind.DistinctDays => "distinct days of",
            AggregateKind.RepeatDays => "repeat days of",
            AggregateKind.DaysFirstToLast => "days first to last",
            AggregateKind.RepeatDayAverage => "repeat-day average",
            _ => "day average",
        };
        return $"{name}({subject}{where}) {Window}";
    }

    private static string MemberText(LambdaExpression selector)
    {
        var text = ExpressionText.BodyOf(selector);
        var prefix = selector.Parameters[0].Name + ".";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
    }
}
