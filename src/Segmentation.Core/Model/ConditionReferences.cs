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
        return Of([condition]);
    }

    /// <summary>Lists the ids read by several conditions, without duplicates, in the order they are first read.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The referenced ids.</returns>
    /// <remarks>Called for every definition of every compiled catalog: a condition without references allocates nothing.</remarks>
    public static IReadOnlyList<string> Of(IEnumerable<ConditionDefinition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        List<string>? ids = null;
        Stack<ConditionDefinition>? pending = null;
        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
            Collect(condition, ref ids, ref pending);
        }

        return ids switch
        {
            null => [],
            { Count: 1 } => [ids[0]],
            _ => ids.Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>
    /// Adds the ids one condition reads, in the order a recursive walk would visit them; iterative, so that nesting depth
    /// can never exhaust the stack. A leaf needs no stack, and the list is created at the first id.
    /// </summary>
    private static void Collect(ConditionDefinition condition, ref List<string>? ids, ref Stack<ConditionDefinition>? pending)
    {
        var next = condition;
        while (true)
        {
            switch (next)
            {
                case ReferenceCondition reference:
                    (ids ??= []).Add(reference.TargetId);
                    break;
                case ComparisonCondition { Source: ScoreSource score }:
                    (ids ??= []).Add(score.ScoreId);
                    break;
                case AllCondition all:
                    PushReversed(pending ??= new Stack<ConditionDefinition>(), all.Conditions);
                    break;
                case AnyCondition any:
                    PushReversed(pending ??= new Stack<ConditionDefinition>(), any.Conditions);
                    break;
                case NotCondition not:
                    (pending ??= new Stack<ConditionDefinition>()).Push(not.Condition);
                    break;
            }

            if (pending is null || !pending.TryPop(out next))
            {
                return;
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
