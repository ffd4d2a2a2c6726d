namespace Segmentation.Core.Model;

/// <summary>All of the inner conditions hold (three-valued: false wins over a fault, a fault wins over true).</summary>
public sealed class AllCondition : ConditionDefinition
{
    /// <summary>Creates a conjunction.</summary>
    /// <param name="conditions">The conjuncts.</param>
    public AllCondition(IEnumerable<ConditionDefinition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        Conditions = conditions.ToArray();
    }

    /// <summary>The conjuncts.</summary>
    public IReadOnlyList<ConditionDefinition> Conditions { get; }

    /// <inheritdoc />
    public override string Describe() => "(" + string.Join(" and ", Conditions.Select(c => c.Describe())) + ")";
}

/// <summary>At least one inner condition holds (three-valued: true wins over a fault, a fault wins over false).</summary>
public sealed class AnyCondition : ConditionDefinition
{
    /// <summary>Creates a disjunction.</summary>
    /// <param name="conditions">The disjuncts.</param>
    public AnyCondition(IEnumerable<ConditionDefinition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        Conditions = conditions.ToArray();
    }

    /// <summary>The disjuncts.</summary>
    public IReadOnlyList<ConditionDefinition> Conditions { get; }

    /// <inheritdoc />
    public override string Describe() => "(" + string.Join(" or ", Conditions.Select(c => c.Describe())) + ")";
}

/// <summary>The inner condition does not hold (a fault stays a fault).</summary>
public sealed class NotCondition : ConditionDefinition
{
    /// <summary>Creates a negation.</summary>
    /// <param name="condition">The negated condition.</param>
    public NotCondition(ConditionDefinition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Condition = condition;
    }

    /// <summary>The negated condition.</summary>
    public ConditionDefinition Condition { get; }

    /// <inheritdoc />
    public override string Describe() => $"not {Condition.Describe()}";
}
