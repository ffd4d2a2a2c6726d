namespace Segmentation.ReferenceWorkload;

/// <summary>An order placed by a customer.</summary>
public sealed class Order
{
    /// <summary>Gets or sets when the order was placed (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Gets or sets the order amount.</summary>
    public decimal Amount { get; set; }

    /// <summary>Gets or sets the product category.</summary>
    public string Category { get; set; } = string.Empty;
}
