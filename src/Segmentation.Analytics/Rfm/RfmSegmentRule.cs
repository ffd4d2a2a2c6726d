namespace Segmentation.Analytics.Rfm;

/// <summary>A named RFM segment: the score ranges a customer must fall in. A <see langword="null"/> range matches any score.</summary>
/// <param name="Id">The stable identifier, for example <c>champions</c>.</param>
/// <param name="Name">The display name, for example <c>Champions</c>.</param>
/// <param name="Recency">The range of the recency score.</param>
/// <param name="FrequencyMonetaryAverage">The range of the average of the frequency and monetary scores, or <see langword="null"/>.</param>
/// <param name="Frequency">The range of the frequency score, or <see langword="null"/>.</param>
/// <param name="Monetary">The range of the monetary score, or <see langword="null"/>.</param>
public sealed record RfmSegmentRule(
    string Id,
    string Name,
    RfmRange Recency,
    RfmRange? FrequencyMonetaryAverage = null,
    RfmRange? Frequency = null,
    RfmRange? Monetary = null)
{
    /// <summary>Determines whether a score falls in every range of the rule.</summary>
    /// <param name="score">The score to test.</param>
    /// <returns><see langword="true"/> when the score matches the rule.</returns>
    public bool Matches(RfmScore score) =>
        Recency.Contains(score.R)
        && (FrequencyMonetaryAverage?.Contains(score.FrequencyMonetaryAverage) ?? true)
        && (Frequency?.Contains(score.F) ?? true)
        && (Monetary?.Contains(score.M) ?? true);
}
