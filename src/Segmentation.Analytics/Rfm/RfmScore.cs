namespace Segmentation.Analytics.Rfm;

/// <summary>The RFM score of a customer: one quantile bin per dimension, from 1 to the number of bins, higher is better.</summary>
/// <param name="R">The recency score: the most recent customers have the highest score.</param>
/// <param name="F">The frequency score.</param>
/// <param name="M">The monetary score.</param>
public readonly record struct RfmScore(int R, int F, int M)
{
    /// <summary>Gets the average of the frequency and monetary scores, the vertical axis of the R vs FM segment grid.</summary>
    public double FrequencyMonetaryAverage => (F + M) / 2.0;
}
