using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>
/// What one scope (a segment, group, member, or the whole catalog) depends on in time: the candidate sources reachable
/// through its conditions, references, groups and scores, and the conditions whose time dependence cannot be seen.
/// </summary>
internal sealed class ValidityPlan<TProfile>
{
    private readonly CatalogDefinition<TProfile> catalog;
    private readonly Func<AggregateSource, FactSeriesReader<TProfile>> reader;
    private readonly Func<LambdaExpression, Func<TProfile, DateTime?>> date;
    private readonly HashSet<string> visited = new(StringComparer.Ordinal);
    private readonly List<CandidateSource<TProfile>> sources = [];
    private readonly List<string> unknown = [];

    public ValidityPlan(
        CatalogDefinition<TProfile> catalog,
        IEnumerable<string> roots,
        Func<AggregateSource, FactSeriesReader<TProfile>> reader,
        Func<LambdaExpression, Func<TProfile, DateTime?>> date)
    {
        this.catalog = catalog;
        this.reader = reader;
        this.date = date;
        foreach (var root in roots)
        {
            Node(root);
        }
    }

    public IReadOnlyList<CandidateSource<TProfile>> Sources => sources;

    public IReadOnlyList<string> Unknown => unknown;

    private void Node(string id)
    {
        if (!visited.Add(id))
        {
            return;
        }

        if (catalog.Segments.FirstOrDefault(s => s.Id == id) is { } segment)
        {
            segment.Conditions.ToList().ForEach(Condition);
        }
        else if (catalog.Groups.FirstOrDefault(g => g.Id == id || g.Members.Any(m => m.Id == id)) is { } group)
        {
            visited.Add(group.Id);
            group.Members.SelectMany(m => m.Conditions).ToList().ForEach(Condition);
        }
        else if (catalog.Scores.FirstOrDefault(s => s.Id == id) is { } score)
        {
            score.Terms.Select(t => t.Condition).ToList().ForEach(Condition);
        }
    }

    private void Condition(ConditionDefinition condition)
    {
        switch (condition)
        {
            case AllCondition all:
                all.Conditions.ToList().ForEach(Condition);
                break;
            case AnyCondition any:
                any.Conditions.ToList().ForEach(Condition);
                break;
            case NotCondition not:
                Condition(not.Condition);
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
}
