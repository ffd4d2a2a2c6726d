namespace Segmentation.NRules.Facts;

/// <summary>The evaluation-instant fact: insert one per session (with the profiles) so the catalog's rules know the as-of instant.</summary>
public sealed class EvaluationInstant
{
    /// <summary>Creates the fact.</summary>
    /// <param name="asOf">The as-of instant.</param>
    public EvaluationInstant(DateTimeOffset asOf) => AsOf = asOf;

    /// <summary>The as-of instant: facts dated after it are invisible to every aggregate.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"as of {AsOf:O}";
}
