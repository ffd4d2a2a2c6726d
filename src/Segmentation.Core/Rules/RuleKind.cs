namespace Segmentation.Core.Rules;

/// <summary>What a rule asserts when its conditions hold.</summary>
public enum RuleKind
{
    /// <summary>Asserts membership in a segment.</summary>
    Segment,

    /// <summary>Asserts membership in a member of an exclusive group, unless an earlier member matched.</summary>
    GroupMember,

    /// <summary>Adds a weight to a score.</summary>
    ScoreTerm,
}
