namespace Segmentation.Core.Model;

/// <summary>A value computed for a profile as of an instant, which a <see cref="ComparisonCondition"/> compares with a threshold.</summary>
public abstract class ValueSource
{
    private protected ValueSource()
    {
    }

    /// <summary>Describes the value, such as <c>sum(orders.Amount) in last 365 days</c>.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();
}
