using System.Globalization;

namespace Segmentation.Core.Model;

/// <summary>A comparison of a computed value with a threshold, such as <c>&gt;= 3</c> or <c>between 18 and 29</c>.</summary>
/// <param name="Operator">The comparison operator.</param>
/// <param name="Threshold">The threshold (the lower bound for <see cref="ComparisonOperator.Between"/>).</param>
/// <param name="Upper">The inclusive upper bound, used only by <see cref="ComparisonOperator.Between"/>.</param>
public sealed record Comparison(ComparisonOperator Operator, decimal Threshold, decimal? Upper = null)
{
    /// <summary>Tests a value against this comparison.</summary>
    /// <param name="value">The computed value.</param>
    /// <returns><see langword="true"/> when the value satisfies the comparison.</returns>
    public bool Matches(decimal value) => Operator switch
    {
        ComparisonOperator.AtLeast => value >= Threshold,
        ComparisonOperator.AtMost => value <= Threshold,
        ComparisonOperator.GreaterThan => value > Threshold,
        ComparisonOperator.LessThan => value < Threshold,
        ComparisonOperator.EqualTo => value == Threshold,
        ComparisonOperator.NotEqualTo => value != Threshold,
        ComparisonOperator.Between => value >= Threshold && value <= (Upper ?? Threshold),
        _ => false,
    };

    /// <summary>Formats the comparison, for example <c>&gt;= 1000</c> or <c>between 18 and 29</c>.</summary>
    /// <returns>The readable comparison.</returns>
    public override string ToString() => Operator switch
    {
        ComparisonOperator.AtLeast => $">= {Format(Threshold)}",
        ComparisonOperator.AtMost => $"<= {Format(Threshold)}",
        ComparisonOperator.GreaterThan => $"> {Format(Threshold)}",
        ComparisonOperator.LessThan => $"< {Format(Threshold)}",
        ComparisonOperator.EqualTo => $"= {Format(Threshold)}",
        ComparisonOperator.NotEqualTo => $"!= {Format(Threshold)}",
        _ => $"between {Format(Threshold)} and {Format(Upper ?? Threshold)}",
    };

    internal static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
