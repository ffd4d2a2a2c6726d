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
        switch (condition)
        {
            case ReferenceCondition reference:
                ids.Add(reference.TargetId);
                break;
            case ComparisonCondition { Source: ScoreSource score }:
                ids.Add(score.ScoreId);
                break;
            case AllCondition all:
                all.Conditions.ToList().ForEach(c => Collect(c, ids));
                break;
            case AnyCondition any:
                any.Conditions.ToList().ForEach(c => Collect(c, ids));
                break;
            case NotCondition not:
                Collect(not.Condition, ids);
                break;
        }
    }
}
