using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>
/// What one scope (a segment, group, member, or the whole catalog) depends on in time: the candidate sources reachable
/// through its conditions, references, groups and scores, and the conditions whose time dependence cannot be seen.
/// </summary>
internal sealed class ValidityPlan<TProfile>
{
    private readonly Func<AggregateSource, FactSeriesReader<TProfile>> reader;
    private readonly Func<LambdaExpression, Func<TProfile, DateTime?>> date;
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);
    private readonly List<CandidateSource<TProfile>> sources = [];
    private readonly List<string> unknown = [];
    private readonly Dictionary<string, IReadOnlyList<ConditionDefinition>> conditionsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> groupOf = new(StringComparer.Ordinal);
    private readonly Stack<ConditionDefinition> pending = new();

    public ValidityPlan(
        CatalogDefinition<TProfile> catalog,
        IEnumerable<string> roots,
        Func<AggregateSource, FactSeriesReader<TProfile>> reader,
        Func<LambdaExpression, Func<TProfile, DateTime?>> date)
    {
        this.reader = reader;
        this.date = date;
        foreach (var segment in catalog.Segments)
        {
            conditionsOf.TryAdd(segment.Id, segment.Conditions);
        }

        foreach (var group in catalog.Groups)
        {
            var conditions = group.Members.SelectMany(m => m.Conditions).ToArray();
            groupOf.TryAdd(group.Id, group.Id);
            conditionsOf.TryAdd(group.Id, conditions);
            foreach (var member in group.Members)
            {
                groupOf.TryAdd(member.Id, group.Id);
            }
        }

        foreach (var score in catalog.Scores)
        {
            conditionsOf.TryAdd(score.Id, [.. score.Terms.Select(t => t.Condition)]);
        }

        foreach (var root in roots)
        {
            Node(root);
        }

        // Iterative: references may chain through the whole catalog and conditions may nest deeply.
        while (pending.Count > 0)
        {
            Condition(pending.Pop());
        }
    }

    public IReadOnlyList<CandidateSource<TProfile>> Sources => sources;

    public IReadOnlyList<string> Unknown => unknown;

    /// <summary>Queues the conditions of a segment, a group (for a group or any of its members) or a score, once.</summary>
    private void Node(string id)
    {
        var key = groupOf.GetValueOrDefault(id, id);
        if (visited.Add(key) && conditionsOf.TryGetValue(key, out var conditions))
        {
            for (var i = conditions.Count - 1; i >= 0; i--)
            {
                pending.Push(conditions[i]);
            }
        }
    }

    private void Condition(ConditionDefinition condition)
    {
        switch (condition)
        {
            case AllCondition all:
                Push(all.Conditions);
                break;
            case AnyCondition any:
                Push(any.Conditions);
                break;
            case NotCondition not:
                pending.Push(not.Condition);
                break;
            case ReferenceCondition reference:
                Node(reference.TargetId);
                break;
            case PredicateCondition { UsesAsOf: true } predicate:
                unknown.Add(predicate.Describe());
                break;
            case ComparisonCondition { Source: AggregateSource aggregate } comparison:
                sources.Add(new AggregateCandidates<TProfile>(reader(aggregate), aggregate, comparison.Comparison));
                break;
            case ComparisonCondition { Source: DateSource dated } comparison:
                sources.Add(new DateCandidates<TProfile>(date(dated.Date), dated.Measure, comparison.Comparison));
                break;
            case ComparisonCondition { Source: ScoreSource score }:
                Node(score.ScoreId);
                break;
        }
    }

    private void Push(IReadOnlyList<ConditionDefinition> conditions)
    {
        for (var i = conditions.Count - 1; i >= 0; i--)
        {
            pending.Push(conditions[i]);
        }
    }
}
