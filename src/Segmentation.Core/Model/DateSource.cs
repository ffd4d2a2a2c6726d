using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>A measure of a calendar date on the profile relative to the as-of date (age, days until a birthday).</summary>
public sealed class DateSource : ValueSource
{
    /// <summary>Creates a date source.</summary>
    /// <param name="date">The accessor <c>profile =&gt; DateTime</c>, <c>DateTime?</c>, <c>DateTimeOffset</c> or <c>DateOnly</c>.</param>
    /// <param name="measure">What to measure.</param>
    internal DateSource(LambdaExpression date, DateMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(date);
        Date = date;
        Measure = measure;
    }

    /// <summary>The date accessor.</summary>
    public LambdaExpression Date { get; }

    /// <summary>What to measure.</summary>
    public DateMeasure Measure { get; }

    /// <inheritdoc />
    public override string Describe() => Measure switch
    {
        DateMeasure.Years => $"years since {ExpressionText.BodyOf(Date)}",
        DateMeasure.DaysUntilAnniversary => $"days until anniversary of {ExpressionText.BodyOf(Date)}",
        _ => $"months until anniversary month of {ExpressionText.BodyOf(Date)}",
    };
}
