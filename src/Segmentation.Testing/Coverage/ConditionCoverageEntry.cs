namespace Segmentation.Testing;

/// <summary>How often one condition of one rule came out true, false and faulted across the recorded evaluations.</summary>
/// <param name="RuleId">The rule's id: a segment or group member id, or <c>score#term</c> for a score term (as in <c>RuleSet.Rules</c>).</param>
/// <param name="Path">
/// The condition's position in the rule: <c>1</c> for the first condition, <c>2.1</c> for the first operand of the
/// second condition (an all of, any of or not).
/// </param>
/// <param name="Condition">The condition's text, as explanations show it.</param>
/// <param name="TrueCount">How many evaluations found it true.</param>
/// <param name="FalseCount">How many evaluations found it false.</param>
/// <param name="FaultedCount">How many evaluations found it faulted.</param>
public sealed record ConditionCoverageEntry(string RuleId, string Path, string Condition, int TrueCount, int FalseCount, int FaultedCount)
{
    /// <summary>Whether no recorded evaluation found the condition true.</summary>
    public bool NeverTrue => TrueCount == 0;

    /// <summary>Whether no recorded evaluation found the condition false.</summary>
    public bool NeverFalse => FalseCount == 0;

    /// <summary>Whether the condition was found both true and false.</summary>
    public bool IsCovered => !NeverTrue && !NeverFalse;

    /// <summary>Formats the entry: <c>churn-risk [2] count(orders) in last 90 days = 0: true 3, false 0</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{RuleId} [{Path}] {Condition}: true {TrueCount}, false {FalseCount}" + (FaultedCount > 0 ? $", faulted {FaultedCount}" : string.Empty);
}
