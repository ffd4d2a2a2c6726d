namespace Segmentation.Core.Model;

/// <summary>Finds what a condition depends on: referenced segments and scores.</summary>
internal static class ConditionReferences
{
    /// <summary>Lists the segment, group member, group and score ids a condition reads, without duplicates.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The referenced ids.</returns>
    public static IReadOnlyList<string> Of(ConditionDefinition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var ids = new List<string>();
        Collect(condition, ids);
        return ids.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Lists the ids read by several conditions, without duplicates.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The referenced ids.</returns>
    public static IReadOnlyList<string> Of(IEnumerable<ConditionDefinition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return conditions.SelectMany(Of).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void Collect(ConditionDefinition condition, List<string> ids)
    {
        // Iterative, in the order a recursive walk would visit: nesting depth must never be able to exhaust the stack.
        var pending = new Stack<ConditionDefinition>();
        pending.Push(condition);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case ReferenceCondition reference:
                    ids.Add(reference.TargetId);
                    break;
                case ComparisonCondition { Source: ScoreSource score }:
                    ids.Add(score.ScoreId);
                    break;
                case AllCondition all:
                    PushReversed(pending, all.Conditions);
                    break;
                case AnyCondition any:
                    PushReversed(pending, any.Conditions);
                    break;
                case NotCondition not:
                    pending.Push(not.Condition);
                    break;
            }
        }
    }

    private static void PushReversed(Stack<ConditionDefinition> pending, IReadOnlyList<ConditionDefinition> conditions)
    {
        for (var i = conditions.Count - 1; i >= 0; i--)
        {
            pending.Push(conditions[i]);
        }
    }
}
