namespace Segmentation.Analytics.Rfm;

/// <summary>The identifiers of the scores and the group that <see cref="RfmCatalog{TProfile}"/> defines.</summary>
public static class RfmCatalogIds
{
    /// <summary>The recency score: <see cref="RfmScore.R"/>, 1 to the snapshot's bins (the most recent highest); 0 without purchases.</summary>
    public const string Recency = "rfm-r";

    /// <summary>The frequency score: <see cref="RfmScore.F"/>, 1 to the snapshot's bins; 0 without purchases.</summary>
    public const string Frequency = "rfm-f";

    /// <summary>The monetary score: <see cref="RfmScore.M"/>, 1 to the snapshot's bins; 0 without purchases.</summary>
    public const string Monetary = "rfm-m";

    /// <summary>
    /// The average of the frequency and monetary scores, <see cref="RfmScore.FrequencyMonetaryAverage"/> (1 to the
    /// snapshot's bins in half steps), the vertical axis of the named-segment grid; 0 without purchases.
    /// </summary>
    public const string FrequencyMonetary = "rfm-fm";

    /// <summary>The exclusive group of the named RFM segments: its members are the rules of the catalog's <see cref="RfmSegments"/>, in order.</summary>
    public const string Group = "rfm";
}
