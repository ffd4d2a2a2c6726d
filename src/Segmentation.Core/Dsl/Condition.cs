using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

/// <summary>
/// A condition over <typeparamref name="TProfile"/> built with the DSL. Combine with <c>&amp;</c>, <c>|</c> and <c>!</c>,
/// or with <see cref="ICatalogBuilder{TProfile}.AllOf"/>, <see cref="ICatalogBuilder{TProfile}.AnyOf"/> and <see cref="ICatalogBuilder{TProfile}.Not"/>.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class Condition<TProfile>
{
    internal Condition(ConditionDefinition definition) => Definition = definition;

    /// <summary>The model condition this DSL condition stands for.</summary>
    public ConditionDefinition Definition { get; }

    /// <summary>Both conditions hold.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The conjunction.</returns>
    public static Condition<TProfile> operator &(Condition<TProfile> left, Condition<TProfile> right) => And(left, right);

    /// <summary>Either condition holds.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The disjunction.</returns>
    public static Condition<TProfile> operator |(Condition<TProfile> left, Condition<TProfile> right) => Or(left, right);

    /// <summary>The condition does not hold.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negation.</returns>
    public static Condition<TProfile> operator !(Condition<TProfile> condition) => Not(condition);

    /// <summary>Both conditions hold.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The conjunction.</returns>
    public static Condition<TProfile> And(Condition<TProfile> left, Condition<TProfile> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(new AllCondition(Flatten<AllCondition>(left.Definition, c => c.Conditions).Concat(Flatten<AllCondition>(right.Definition, c => c.Conditions))));
    }

    /// <summary>Either condition holds.</summary>
    /// <param name="left">The left condition.</param>
    /// <param name="right">The right condition.</param>
    /// <returns>The disjunction.</returns>
    public static Condition<TProfile> Or(Condition<TProfile> left, Condition<TProfile> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(new AnyCondition(Flatten<AnyCondition>(left.Definition, c => c.Conditions).Concat(Flatten<AnyCondition>(right.Definition, c => c.Conditions))));
    }

    /// <summary>The condition does not hold.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negation.</returns>
    public static Condition<TProfile> Not(Condition<TProfile> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(condition.Definition is NotCondition not ? not.Condition : new NotCondition(condition.Definition));
    }

    /// <inheritdoc />
    public override string ToString() => Definition.Describe();

    private static IEnumerable<ConditionDefinition> Flatten<T>(ConditionDefinition definition, Func<T, IEnumerable<ConditionDefinition>> children)
        where T : ConditionDefinition =>
        definition is T composite ? children(composite) : [definition];
}
