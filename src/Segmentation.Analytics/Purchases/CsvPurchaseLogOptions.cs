namespace Segmentation.Analytics.Purchases;

/// <summary>Column names and delimiter of a CSV purchase log. Header names are matched case-insensitively, ignoring surrounding spaces.</summary>
public sealed class CsvPurchaseLogOptions
{
    /// <summary>Gets the name of the required customer id column.</summary>
    /// <value>The default value is <c>customer_id</c>.</value>
    public string CustomerIdColumn { get; init; } = "customer_id";

    /// <summary>Gets the name of the required date column; values are <c>yyyy-MM-dd</c> or <c>yyyyMMdd</c>.</summary>
    /// <value>The default value is <c>date</c>.</value>
    public string DateColumn { get; init; } = "date";

    /// <summary>Gets the name of the required amount column; values use the invariant culture (<c>12.50</c>).</summary>
    /// <value>The default value is <c>amount</c>.</value>
    public string AmountColumn { get; init; } = "amount";

    /// <summary>Gets the name of the optional quantity column; when the header lacks it every record has quantity 1.</summary>
    /// <value>The default value is <c>quantity</c>.</value>
    public string QuantityColumn { get; init; } = "quantity";

    /// <summary>Gets the field delimiter. Fields may be enclosed in double quotes, with <c>""</c> for a literal quote.</summary>
    /// <value>The default value is <c>,</c>.</value>
    public char Delimiter { get; init; } = ',';
}
