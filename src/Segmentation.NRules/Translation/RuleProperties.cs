namespace Segmentation.NRules.Translation;

/// <summary>Names of the properties the translation puts on NRules rule definitions.</summary>
internal static class RuleProperties
{
    /// <summary>Our rule id (segment, member, score term, group or score) an NRules rule came from.</summary>
    public const string RuleId = "Segmentation.RuleId";

    /// <summary>On a condition rule: the condition's number.</summary>
    public const string Condition = "Segmentation.Condition";

    /// <summary>What the NRules rule does: condition, segment, member, term, group or score.</summary>
    public const string Role = "Segmentation.Role";
}
