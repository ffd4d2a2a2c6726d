namespace Segmentation.Analytics.Purchases;

/// <summary>One line of a purchase log: a customer bought something on a day.</summary>
/// <param name="CustomerId">The customer key, exactly as it appears in the log (leading zeros kept).</param>
/// <param name="Date">The purchase day, at midnight, with <see cref="DateTimeKind.Utc"/>.</param>
/// <param name="Quantity">The number of items bought (CDNOW: number of CDs).</param>
/// <param name="Amount">The value of the purchase, in the log's currency.</param>
public readonly record struct PurchaseRecord(string CustomerId, DateTime Date, int Quantity, decimal Amount);
