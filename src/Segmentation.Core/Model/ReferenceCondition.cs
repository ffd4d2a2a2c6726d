namespace Segmentation.Core.Model;

/// <summary>Membership in another segment, group member or group of the same catalog (chaining), or its negation.</summary>
public sealed class ReferenceCondition : ConditionDefinition
{
    /// <summary>Creates a reference condition.</summary>
    /// <param name="targetId">The referenced segment, group member or group id.</param>
    /// <param name="negated">Whether the condition is "not in".</param>
    public ReferenceCondition(string targetId, bool negated = false)
    {
        ArgumentNullException.ThrowIfNull(targetId);
        TargetId = targetId;
        Negated = negated;
    }

    /// <summary>The referenced id.</summary>
    public string TargetId { get; }

    /// <summary>Whether the condition is "not in".</summary>
    public bool Negated { get; }

    /// <inheritdoc />
    public override string Describe() => Negated ? $"not in {TargetId}" : $"in {TargetId}";
}
