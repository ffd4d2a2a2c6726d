using Segmentation.Analytics.CustomerBase;

namespace Segmentation.Analytics.Rfm;

/// <summary>The recency, frequency and monetary measures of one customer, the input of <see cref="RfmModel"/>.</summary>
/// <param name="CustomerId">The customer key.</param>
/// <param name="RecencyDays">The days since the customer's last purchase; fewer days is better.</param>
/// <param name="Frequency">The number of purchases or repeat purchases (use one convention for the whole population).</param>
/// <param name="Monetary">The customer's spend, total or average (use one convention for the whole population).</param>
public readonly record struct RfmInput(string CustomerId, int RecencyDays, int Frequency, decimal Monetary)
{
    /// <summary>
    /// Builds an input from a customer-base summary: recency is <see cref="CustomerBaseFeatures.DaysSinceLastPurchase"/>,
    /// frequency is the number of repeat purchases (<see cref="CustomerBaseFeatures.Frequency"/>) and monetary is
    /// <see cref="CustomerBaseFeatures.TotalSpend"/>.
    /// </summary>
    /// <param name="customerId">The customer key.</param>
    /// <param name="features">The customer's summary; it must have at least one purchase.</param>
    /// <returns>The RFM input.</returns>
    /// <exception cref="ArgumentException">The customer has no purchase up to the summary's as-of date.</exception>
    public static RfmInput FromFeatures(string customerId, CustomerBaseFeatures features)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentNullException.ThrowIfNull(features);
        if (features.DaysSinceLastPurchase is not { } recency)
            throw new ArgumentException($"Customer '{customerId}' has no purchase up to the as-of date and has no recency.", nameof(features));

        return new RfmInput(customerId, recency, features.Frequency, features.TotalSpend);
    }
}
