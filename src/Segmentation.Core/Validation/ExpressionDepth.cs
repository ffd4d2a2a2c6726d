using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

/// <summary>
/// Finds the user lambdas of a leaf condition nested deeper than <see cref="CatalogLimits.MaxExpressionDepth"/>. The walk
/// itself stops at the limit, so even a lambda far deeper than any stack could take is measured safely.
/// </summary>
internal static class ExpressionDepth
{
    /// <summary>The lambdas of a leaf condition too deep to compile safely, each with the property it is reported under.</summary>
    public static IEnumerable<(string Property, string Message)> Problems(ConditionDefinition condition)
    {
        foreach (var (property, lambda) in LambdasOf(condition))
        {
            if (lambda is not null && TooDeep(lambda))
            {
                yield return (property, $"the expression is nested more than {CatalogLimits.MaxExpressionDepth} deep; the limit is {CatalogLimits.MaxExpressionDepth} " +
                    "(for many alternatives, test a set: s.Text(...).In(...), or a HashSet the lambda captures)");
            }
        }
    }

    private static IEnumerable<(string Property, LambdaExpression? Lambda)> LambdasOf(ConditionDefinition condition)
    {
        switch (condition)
        {
            case PredicateCondition predicate:
                yield return ("predicate", predicate.Predicate);
                break;
            case TextSetCondition text:
                yield return ("selector", text.Selector);
                break;
            case ComparisonCondition { Source: ProfileValueSource value }:
                yield return ("selector", value.Selector);
                break;
            case ComparisonCondition { Source: DateSource date }:
                yield return ("date", date.Date);
                break;
            case ComparisonCondition { Source: AggregateSource aggregate }:
                yield return ("selector", aggregate.Selector);
                yield return ("filter", aggregate.Filter);
                yield return ("collection", aggregate.Collection.Items);
                yield return ("collection", aggregate.Collection.Date);
                break;
        }
    }

    private static bool TooDeep(LambdaExpression lambda)
    {
        var probe = new Probe();
        probe.Visit(lambda);
        return probe.Exceeded;
    }

    /// <summary>Visits down to the limit and no further.</summary>
    private sealed class Probe : ExpressionVisitor
    {
        private int depth;

        public bool Exceeded { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Exceeded)
            {
                return node;
            }

            if (depth == CatalogLimits.MaxExpressionDepth)
            {
                Exceeded = true;
                return node;
            }

            depth++;
            base.Visit(node);
            depth--;
            return node;
        }
    }
}
