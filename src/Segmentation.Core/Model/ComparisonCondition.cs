namespace Segmentation.Core.Model;

/// <summary>A computed value compared with a threshold, such as <c>count(orders) in last 90 days &gt;= 1</c>. A missing value never matches.</summary>
public sealed class ComparisonCondition : ConditionDefinition
{
    /// <summary>Creates a comparison condition.</summary>
    /// <param name="source">The value.</param>
    /// <param name="comparison">The comparison.</param>
    public ComparisonCondition(ValueSource source, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(comparison);
        Source = source;
        Comparison = comparison;
    }

    /// <summary>The value compared.</summary>
    public ValueSource Source { get; }

    /// <summary>The comparison.</summary>
    public Comparison Comparison { get; }

    /// <inheritdoc />
    public override string Describe() => $"{Source.Describe()} {Comparison}";
}
