using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Validation;

internal static class ConditionRules
{
    public static IEnumerable<(string Property, string Message)> Check(ConditionDefinition condition, ValidationScope scope)
    {
        foreach (var problem in ExpressionDepth.Problems(condition))
        {
            yield return problem;
        }

        switch (condition)
        {
            case AllCondition { Conditions.Count: 0 }:
                yield return (string.Empty, "'all of' needs at least one condition");
                break;
            case AnyCondition { Conditions.Count: 0 }:
                yield return (string.Empty, "'any of' needs at least one condition");
                break;
            case ReferenceCondition reference when !scope.SegmentIds.Contains(reference.TargetId):
                yield return (string.Empty, $"references unknown segment '{IdCharacters.Escape(reference.TargetId)}'");
                break;
            case TextSetCondition { Values.Count: 0 }:
                yield return ("values", "the set of accepted values is empty");
                break;
            case TextSetCondition text when text.Values.Any(value => value is null):
                yield return ("values", "the set holds null (a missing text is never in a set; test for it with a predicate)");
                break;
            case ComparisonCondition comparison:
                foreach (var problem in CheckComparison(comparison, scope))
                {
                    yield return problem;
                }

                break;
        }
    }

    private static IEnumerable<(string Property, string Message)> CheckComparison(ComparisonCondition condition, ValidationScope scope)
    {
        var comparison = condition.Comparison;
        if (!Enum.IsDefined(comparison.Operator))
        {
            yield return ("operator", $"{(int)comparison.Operator} is not a comparison operator");
        }

        if (comparison.Operator == ComparisonOperator.Between && comparison.Upper is { } upper && upper < comparison.Threshold)
        {
            yield return ("threshold", $"the range is inverted: {Comparison.Format(comparison.Threshold)} > {Comparison.Format(upper)}");
        }

        switch (condition.Source)
        {
            case AggregateSource aggregate:
                foreach (var problem in CheckWindow(aggregate.Window))
                {
                    yield return ("window", problem);
                }

                if (aggregate.UsesSelector && aggregate.Selector is null)
                {
                    yield return ("selector", $"{aggregate.Kind} needs a value selector");
                }

                if (IsNonNegative(aggregate.Kind) && comparison.Threshold < 0)
                {
                    yield return ("threshold", $"{aggregate.Kind} is never negative; the threshold {Comparison.Format(comparison.Threshold)} is meaningless");
                }

                break;
            case DateSource when comparison.Threshold < 0:
                yield return ("threshold", $"a date measure is never negative; the threshold {Comparison.Format(comparison.Threshold)} is meaningless");
                break;
            case ScoreSource score when !scope.ScoreIds.Contains(score.ScoreId):
                yield return ("source", $"references unknown score '{IdCharacters.Escape(score.ScoreId)}'");
                break;
        }
    }

    private static bool IsNonNegative(AggregateKind kind) => AggregateDefinitions.Of(kind).NeverNegative;

    private static IEnumerable<string> CheckWindow(TimeWindow window)
    {
        if (window.NewestAgo < TimeSpan.Zero)
        {
            yield return $"the window's near bound must not be negative, got {window.NewestAgo.TotalDays} days";
        }

        if (window.OldestAgo is { } oldest)
        {
            if (oldest <= TimeSpan.Zero)
            {
                yield return $"the window must be positive, got {oldest.TotalDays} days";
            }
            else if (oldest <= window.NewestAgo)
            {
                yield return $"the window is inverted: from {window.NewestAgo.TotalDays} to {oldest.TotalDays} days ago";
            }
        }
    }
}
