namespace Segmentation.Analytics.Rfm;

/// <summary>The identifiers of the segments of <see cref="RfmSegments.Default"/>.</summary>
public static class RfmSegmentIds
{
    /// <summary>Bought recently, buy often and spend the most: R 5, FM 4–5.</summary>
    public const string Champions = "champions";

    /// <summary>Buy often and spend well, fairly recently: R 3–4, FM 4–5.</summary>
    public const string Loyal = "loyal";

    /// <summary>Recent customers with average frequency and spend: R 4–5, FM 2–3.5.</summary>
    public const string PotentialLoyalist = "potential-loyalist";

    /// <summary>Bought most recently, but rarely and little so far: R 5, FM 1–1.5.</summary>
    public const string New = "new";

    /// <summary>Recent shoppers who have not bought much yet: R 4, FM 1–1.5.</summary>
    public const string Promising = "promising";

    /// <summary>Average recency, frequency and spend: R 3, FM 3–3.5.</summary>
    public const string NeedsAttention = "needs-attention";

    /// <summary>Below-average recency, frequency and spend: R 3, FM 1–2.5.</summary>
    public const string AboutToSleep = "about-to-sleep";

    /// <summary>Used to buy often and spend well, but long ago: R 1–2, FM 3–4.</summary>
    public const string AtRisk = "at-risk";

    /// <summary>The best customers of the past, who have not come back for a long time: R 1–2, FM 4.5–5.</summary>
    public const string CantLose = "cant-lose";

    /// <summary>Last purchase long ago, few and small orders: R 2, FM 1–2.5.</summary>
    public const string Hibernating = "hibernating";

    /// <summary>The lowest recency, frequency and spend: R 1, FM 1–2.5.</summary>
    public const string Lost = "lost";
}
