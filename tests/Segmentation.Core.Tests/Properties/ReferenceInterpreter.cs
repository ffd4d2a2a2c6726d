using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Properties;

/// <summary>What the reference interpreter decided for one profile.</summary>
/// <param name="States">The state of every segment, group and group member.</param>
/// <param name="Choices">The member each group chose, or <see langword="null"/> (no match, or faulted).</param>
/// <param name="Scores">Every score, or <see langword="null"/> when it faulted.</param>
/// <param name="Tiers">Every score's tier, or <see langword="null"/> below the first tier or when faulted.</param>
public sealed record ReferenceResult(
    IReadOnlyDictionary<string, SegmentState> States,
    IReadOnlyDictionary<string, string?> Choices,
    IReadOnlyDictionary<string, decimal?> Scores,
    IReadOnlyDictionary<string, string?> Tiers);

/// <summary>
/// The oracle for the differential properties: evaluates a <see cref="CatalogDefinition{TProfile}"/> straight from the
/// model, with no engine code. Every condition is a recursive call, every aggregate its own LINQ query over the collection,
/// every reference a memoized recursive evaluation of its target (no strata), every lambda compiled with
/// <see cref="LambdaExpression.Compile()"/>. Faults follow Kleene logic: a throwing leaf is a fault; AND is false if any
/// operand is false, else faulted if any is; OR is true if any operand is true, else faulted if any is; NOT keeps a fault.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class ReferenceInterpreter<TProfile>
{
    private static readonly ConcurrentDictionary<LambdaExpression, Delegate> Boxed = new();
    private readonly CatalogDefinition<TProfile> catalog;
    private readonly Dictionary<string, SegmentDefinition> segments;
    private readonly Dictionary<string, GroupDefinition> groupOf;
    private readonly Dictionary<string, ScoreDefinition> scores;

    public ReferenceInterpreter(CatalogDefinition<TProfile> catalog)
    {
        this.catalog = catalog;
        segments = catalog.Segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        groupOf = new Dictionary<string, GroupDefinition>(StringComparer.Ordinal);
        foreach (var group in catalog.Groups)
        {
            groupOf[group.Id] = group;
            foreach (var member in group.Members)
            {
                groupOf[member.Id] = group;
            }
        }

        scores = catalog.Scores.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    private enum Tri
    {
        False,
        True,
        Fault,
    }

    /// <summary>Evaluates every segment, group, member and score of the catalog for one profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The decisions.</returns>
    public ReferenceResult Evaluate(TProfile profile, DateTimeOffset asOf) => new Run(this, profile, asOf).All();

    private static Func<TIn, object?> BoxedOf<TIn>(LambdaExpression lambda) =>
        (Func<TIn, object?>)Boxed.GetOrAdd(lambda, l => Expression.Lambda<Func<TIn, object?>>(Expression.Convert(l.Body, typeof(object)), l.Parameters).Compile());

    private static Func<TIn, DateTimeOffset, object?> BoxedOf2<TIn>(LambdaExpression lambda) =>
        (Func<TIn, DateTimeOffset, object?>)Boxed.GetOrAdd(lambda, l => Expression.Lambda<Func<TIn, DateTimeOffset, object?>>(Expression.Convert(l.Body, typeof(object)), l.Parameters).Compile());

    private static Tri And(IEnumerable<Tri> operands)
    {
        var all = operands.ToList();
        return all.Contains(Tri.False) ? Tri.False : all.Contains(Tri.Fault) ? Tri.Fault : Tri.True;
    }

    private static Tri Or(IEnumerable<Tri> operands)
    {
        var all = operands.ToList();
        return all.Contains(Tri.True) ? Tri.True : all.Contains(Tri.Fault) ? Tri.Fault : Tri.False;
    }

    private static SegmentState StateOf(Tri value) => value switch
    {
        Tri.True => SegmentState.In,
        Tri.False => SegmentState.Out,
        _ => SegmentState.Faulted,
    };

    private static bool Matches(Comparison comparison, decimal value) => comparison.Operator switch
    {
        ComparisonOperator.AtLeast => value >= comparison.Threshold,
        ComparisonOperator.AtMost => value <= comparison.Threshold,
        ComparisonOperator.GreaterThan => value > comparison.Threshold,
        ComparisonOperator.LessThan => value < comparison.Threshold,
        ComparisonOperator.EqualTo => value == comparison.Threshold,
        ComparisonOperator.NotEqualTo => value != comparison.Threshold,
        ComparisonOperator.Between => comparison.Threshold <= value && value <= (comparison.Upper ?? comparison.Threshold),
        _ => throw new InvalidOperationException($"Unknown operator {comparison.Operator}."),
    };

    private static long UtcTicksOf(object? instant) => instant switch
    {
        DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime().Ticks,
        DateTime other => other.Ticks,
        DateTimeOffset offset => offset.UtcTicks,
        _ => throw new InvalidOperationException($"Not an instant: {instant}."),
    };

    private static DateTime? CalendarDateOf(object? date) => date switch
    {
        null => null,
        DateTime d => d.Date,
        DateTimeOffset o => o.UtcDateTime.Date,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => throw new InvalidOperationException($"Not a date: {date}."),
    };

    private static DateTime AnniversaryIn(DateTime date, int year) =>
        date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(year) ? new DateTime(year, 3, 1) : new DateTime(year, date.Month, date.Day);

    private static decimal Measure(DateMeasure measure, DateTime date, DateTime asOfDate)
    {
        switch (measure)
        {
            case DateMeasure.Years:
                var years = asOfDate.Year - date.Year;
                return AnniversaryIn(date, asOfDate.Year) > asOfDate ? years - 1 : years;
            case DateMeasure.DaysUntilAnniversary:
                var next = AnniversaryIn(date, asOfDate.Year);
                if (next >= asOfDate)
                {
                    return (next - asOfDate).Days;
                }

                if (asOfDate.Year < DateTime.MaxValue.Year)
                {
                    return (AnniversaryIn(date, asOfDate.Year + 1) - asOfDate).Days;
                }

                // Year 10,000 has no DateTime: it is a leap year, so its anniversary falls on the day of the year it does in 2000.
                return (DateTime.MaxValue.Date - asOfDate).Days + AnniversaryIn(date, 2000).DayOfYear;
            default:
                return (date.Month - asOfDate.Month + 12) % 12;
        }
    }

    private sealed class Run(ReferenceInterpreter<TProfile> owner, TProfile profile, DateTimeOffset asOf)
    {
        private readonly Dictionary<string, Tri> memberships = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> choices = new(StringComparer.Ordinal);
        private readonly Dictionary<string, decimal?> scoreValues = new(StringComparer.Ordinal);
        private readonly HashSet<string> visiting = new(StringComparer.Ordinal);

        public ReferenceResult All()
        {
            var catalog = owner.catalog;
            var ids = catalog.Segments.Select(s => s.Id)
                .Concat(catalog.Groups.Select(g => g.Id))
                .Concat(catalog.Groups.SelectMany(g => g.Members.Select(m => m.Id)));
            var states = ids.ToDictionary(id => id, id => StateOf(Membership(id)), StringComparer.Ordinal);
            var values = catalog.Scores.ToDictionary(s => s.Id, s => Score(s.Id), StringComparer.Ordinal);
            var tiers = catalog.Scores.ToDictionary(
                s => s.Id,
                s => values[s.Id] is { } score ? s.Tiers.LastOrDefault(t => t.Threshold <= score)?.Name : null,
                StringComparer.Ordinal);
            return new ReferenceResult(states, new Dictionary<string, string?>(choices, StringComparer.Ordinal), values, tiers);
        }

        private Tri Membership(string id)
        {
            if (memberships.TryGetValue(id, out var known))
            {
                return known;
            }

            if (!visiting.Add(id))
            {
                throw new InvalidOperationException($"Reference cycle through '{id}'.");
            }

            if (owner.segments.TryGetValue(id, out var segment))
            {
                memberships[id] = And(segment.Conditions.Select(Condition));
            }
            else if (owner.groupOf.TryGetValue(id, out var group))
            {
                EvaluateGroup(group);
            }
            else
            {
                throw new InvalidOperationException($"Unknown id '{id}'.");
            }

            visiting.Remove(id);
            return memberships[id];
        }

        private void EvaluateGroup(GroupDefinition group)
        {
            Tri? decided = null;
            string? choice = null;
            foreach (var member in group.Members)
            {
                if (decided is { } outcome)
                {
                    memberships[member.Id] = outcome == Tri.True ? Tri.False : Tri.Fault;
                    continue;
                }

                var state = member.IsFallback ? Tri.True : And(member.Conditions.Select(Condition));
                memberships[member.Id] = state;
                if (state != Tri.False)
                {
                    decided = state;
                    choice = state == Tri.True ? member.Id : null;
                }
            }

            memberships[group.Id] = decided ?? Tri.False;
            choices[group.Id] = choice;
        }

        private decimal? Score(string id)
        {
            if (scoreValues.TryGetValue(id, out var known))
            {
                return known;
            }

            if (!visiting.Add(id))
            {
                throw new InvalidOperationException($"Reference cycle through '{id}'.");
            }

            var terms = owner.scores[id].Terms.Select(t => (t.Weight, Outcome: Condition(t.Condition))).ToList();
            decimal? value = terms.Any(t => t.Outcome == Tri.Fault) ? null : terms.Where(t => t.Outcome == Tri.True).Sum(t => t.Weight);
            visiting.Remove(id);
            scoreValues[id] = value;
            return value;
        }

        private Tri Condition(ConditionDefinition condition) => condition switch
        {
            AllCondition all => And(all.Conditions.Select(Condition)),
            AnyCondition any => Or(any.Conditions.Select(Condition)),
            NotCondition not => Condition(not.Condition) switch
            {
                Tri.True => Tri.False,
                Tri.False => Tri.True,
                _ => Tri.Fault,
            },
            ReferenceCondition reference => Membership(reference.TargetId) switch
            {
                Tri.Fault => Tri.Fault,
                var state => (state == Tri.True) != reference.Negated ? Tri.True : Tri.False,
            },
            ComparisonCondition comparison => Value(comparison.Source, out var value) switch
            {
                Tri.Fault => Tri.Fault,
                Tri.True => Matches(comparison.Comparison, value) ? Tri.True : Tri.False,
                _ => Tri.False,
            },
            _ => Guarded(() => Leaf(condition)),
        };

        private bool Leaf(ConditionDefinition condition)
        {
            switch (condition)
            {
                case PredicateCondition { Predicate.Parameters.Count: 2 } p:
                    return (bool)BoxedOf2<TProfile>(p.Predicate)(profile, asOf)!;
                case PredicateCondition p:
                    return (bool)BoxedOf<TProfile>(p.Predicate)(profile)!;
                case TextSetCondition set:
                    var text = (string?)BoxedOf<TProfile>(set.Selector)(profile);
                    var comparer = set.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
                    return text is not null && set.Values.Any(v => comparer.Equals(v, text));
                default:
                    throw new NotSupportedException(condition.GetType().Name);
            }
        }

        private static Tri Guarded(Func<bool> leaf)
        {
            try
            {
                return leaf() ? Tri.True : Tri.False;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Tri.Fault;
            }
        }

        /// <summary>Computes a value: <c>True</c> with the value, <c>False</c> for no value, <c>Fault</c> when it threw.</summary>
        private Tri Value(ValueSource source, out decimal value)
        {
            value = 0m;
            decimal? result;
            if (source is ScoreSource score)
            {
                result = Score(score.ScoreId);
                if (result is null)
                {
                    return Tri.Fault;
                }
            }
            else
            {
                try
                {
                    result = source switch
                    {
                        AggregateSource aggregate => AggregateQuery.Run(profile, asOf.UtcTicks, aggregate),
                        ProfileValueSource field => BoxedOf<TProfile>(field.Selector)(profile) is { } raw ? Convert.ToDecimal(raw, CultureInfo.InvariantCulture) : null,
                        DateSource date => CalendarDateOf(BoxedOf<TProfile>(date.Date)(profile)) is { } d ? Measure(date.Measure, d, asOf.UtcDateTime.Date) : null,
                        _ => throw new NotSupportedException(source.GetType().Name),
                    };
                }
                catch (Exception ex) when (ex is not OutOfMemoryException and not NotSupportedException)
                {
                    return Tri.Fault;
                }
            }

            value = result ?? 0m;
            return result is null ? Tri.False : Tri.True;
        }
    }

    /// <summary>One aggregate as a plain LINQ query: the facts in the window, then the filter, then the kind.</summary>
    /// <remarks>Bound to the item type by reflection, so the reference shares nothing with the engine's internals.</remarks>
    private static class AggregateQuery
    {
        private static readonly MethodInfo Typed = typeof(AggregateQuery).GetMethod(nameof(Evaluate), BindingFlags.NonPublic | BindingFlags.Static)!;

        public static decimal? Run(TProfile profile, long asOfTicks, AggregateSource source)
        {
            try
            {
                return (decimal?)Typed.MakeGenericMethod(source.Collection.ItemType).Invoke(null, [profile, asOfTicks, source]);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Capture(inner).Throw();
                throw;
            }
        }

        private static decimal? Evaluate<TItem>(TProfile profile, long asOfTicks, AggregateSource source)
        {
            var collection = source.Collection;
            var items = (IEnumerable<TItem>?)BoxedOf<TProfile>(collection.Items)(profile)
                ?? throw new InvalidOperationException($"The collection '{collection.Name}' is null.");
            var date = BoxedOf<TItem>(collection.Date);
            var newest = asOfTicks - source.Window.NewestAgo.Ticks;
            long? oldest = source.Window.OldestAgo is { } span ? asOfTicks - span.Ticks : null;
            var facts = items
                .Select(item => (Item: item, Ticks: UtcTicksOf(date(item))))
                .Where(f => f.Ticks <= asOfTicks && f.Ticks <= newest && (oldest is null || f.Ticks > oldest))
                .ToList();
            if (source.Filter is { } filterLambda)
            {
                var filter = BoxedOf<TItem>(filterLambda);
                facts = facts.Where(f => (bool)filter(f.Item)!).ToList();
            }

            decimal Select((TItem Item, long Ticks) fact) =>
                Convert.ToDecimal(BoxedOf<TItem>(source.Selector!)(fact.Item), CultureInfo.InvariantCulture);

            return source.Kind switch
            {
                AggregateKind.Count => facts.Count,
                AggregateKind.Sum => facts.Sum(Select),
                AggregateKind.Average => facts.Count == 0 ? null : facts.Average(Select),
                AggregateKind.Min => facts.Count == 0 ? null : facts.Min(Select),
                AggregateKind.Max => facts.Count == 0 ? null : facts.Max(Select),
                AggregateKind.DaysSinceFirst => facts.Count == 0 ? null : (decimal)(asOfTicks - facts.Min(f => f.Ticks)) / TimeSpan.TicksPerDay,
                AggregateKind.DaysSinceLast => facts.Count == 0 ? null : (decimal)(asOfTicks - facts.Max(f => f.Ticks)) / TimeSpan.TicksPerDay,
                AggregateKind.DistinctDays => facts.Select(f => f.Ticks / TimeSpan.TicksPerDay).Distinct().Count(),
                AggregateKind.RepeatDays => Math.Max(0, facts.Select(f => f.Ticks / TimeSpan.TicksPerDay).Distinct().Count() - 1),
                AggregateKind.DaysFirstToLast => facts.Count == 0 ? null : (decimal)(facts.Max(f => f.Ticks) - facts.Min(f => f.Ticks)) / TimeSpan.TicksPerDay,
                AggregateKind.RepeatDayAverage => facts.Count == 0 ? null : RepeatDayAverage(
                    facts.Sum(Select),
                    facts.Where(f => f.Ticks / TimeSpan.TicksPerDay == facts.Min(g => g.Ticks / TimeSpan.TicksPerDay)).Sum(Select),
                    facts.Select(f => f.Ticks / TimeSpan.TicksPerDay).Distinct().Count()),
                AggregateKind.DayAverage => facts.Count == 0 ? null : facts.Sum(Select) / facts.Select(f => f.Ticks / TimeSpan.TicksPerDay).Distinct().Count(),
                AggregateKind.Median => facts.Count == 0 ? null : Median(facts.Select(Select).Order().ToList()),
                _ => throw new NotSupportedException(source.Kind.ToString()),
            };
        }
    }

    /// <summary>
    /// The total of the repeat days, as the documented semantics computes it: the running total of every fact (in the
    /// collection's order) minus the first day's total, so that an overflow of either faults the aggregate.
    /// </summary>
    private static decimal RepeatDayAverage(decimal total, decimal firstDayTotal, int days) =>
        days < 2 ? 0m : (total - firstDayTotal) / (days - 1);

    private static decimal Median(List<decimal> sorted)
    {
        if (sorted.Count % 2 == 1)
        {
            return sorted[sorted.Count / 2];
        }

        var (a, b) = (sorted[(sorted.Count / 2) - 1], sorted[sorted.Count / 2]);
        try
        {
            return (a + b) / 2m;
        }
        catch (OverflowException)
        {
            return (a / 2m) + (b / 2m);
        }
    }
}
