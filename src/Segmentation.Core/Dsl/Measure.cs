using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

/// <summary>A value computed per profile (an aggregate, an age, a field, a score) waiting for a comparison.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class Measure<TProfile>
{
    internal Measure(ValueSource source) => Source = source;

    /// <summary>The model value source.</summary>
    public ValueSource Source { get; }

    /// <summary>The value is at least <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> AtLeast(decimal threshold) => Compare(ComparisonOperator.AtLeast, threshold);

    /// <summary>The value is at most <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> AtMost(decimal threshold) => Compare(ComparisonOperator.AtMost, threshold);

    /// <summary>The value is greater than <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> GreaterThan(decimal threshold) => Compare(ComparisonOperator.GreaterThan, threshold);

    /// <summary>The value is less than <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> LessThan(decimal threshold) => Compare(ComparisonOperator.LessThan, threshold);

    /// <summary>The value equals <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> EqualTo(decimal value) => Compare(ComparisonOperator.EqualTo, value);

    /// <summary>The value differs from <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> NotEqualTo(decimal value) => Compare(ComparisonOperator.NotEqualTo, value);

    /// <summary>The value lies between <paramref name="lower"/> and <paramref name="upper"/>, both inclusive.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> Between(decimal lower, decimal upper) => new(new ComparisonCondition(Source, new Comparison(ComparisonOperator.Between, lower, upper)));

    /// <summary>Compares the value with a threshold.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> Compare(ComparisonOperator op, decimal threshold) => new(new ComparisonCondition(Source, new Comparison(op, threshold)));

    /// <inheritdoc />
    public override string ToString() => Source.Describe();
}
