using System.Globalization;

namespace Segmentation.Analytics.Purchases;

internal sealed class PurchaseFieldParser(string sourceName)
{
    private static readonly string[] CompactDate = ["yyyyMMdd"];
    private static readonly string[] IsoOrCompactDate = ["yyyy-MM-dd", "yyyyMMdd"];

    public string SourceName { get; } = sourceName;

    public PurchaseLogFormatException Error(int lineNumber, string reason) => new(SourceName, lineNumber, reason);

    public string CustomerId(string text, string column, int lineNumber) =>
        text.Length > 0 ? text : throw Error(lineNumber, $"{column} is empty");

    public DateTime CompactDay(string text, string column, int lineNumber) => Day(text, column, lineNumber, CompactDate);

    public DateTime IsoOrCompactDay(string text, string column, int lineNumber) => Day(text, column, lineNumber, IsoOrCompactDate);

    public int Quantity(string text, string column, int lineNumber) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(lineNumber, $"{column} '{text}' is not a whole number");

    public decimal Amount(string text, string column, int lineNumber) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(lineNumber, $"{column} '{text}' is not a number");

    private DateTime Day(string text, string column, int lineNumber, string[] formats) =>
        DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value.Date, DateTimeKind.Utc)
            : throw Error(lineNumber, $"{column} '{text}' is not a date ({string.Join(" or ", formats)})");
}
