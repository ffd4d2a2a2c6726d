using System.Globalization;
using System.Text;

namespace Segmentation.Analytics.Purchases;

internal sealed class PurchaseFieldParser(string sourceName)
{
    /// <summary>The characters of a field quoted in a message; longer fields are cut.</summary>
    private const int QuotedLength = 40;

    private const string NotAPurchase = "returns and refunds are not purchases; remove them or net them into the purchase they undo";

    private static readonly string[] CompactDate = ["yyyyMMdd"];
    private static readonly string[] IsoOrCompactDate = ["yyyy-MM-dd", "yyyyMMdd"];

    public string SourceName { get; } = sourceName;

    public PurchaseLogFormatException Error(int lineNumber, string reason) => new(SourceName, lineNumber, reason);

    /// <summary>Quotes a field for a message: control characters escaped, at most 40 characters, the length said when cut.</summary>
    /// <param name="text">The field.</param>
    /// <returns>The quoted text.</returns>
    public static string Quote(string text) => Shown(text, "'");

    /// <summary>Shows a field in a list without quotes, as <see cref="Quote"/> does.</summary>
    /// <param name="text">The field.</param>
    /// <returns>The text.</returns>
    public static string Shorten(string text) => Shown(text, string.Empty);

    private static string Shown(string text, string quote)
    {
        var shown = new StringBuilder(quote);
        foreach (var c in text.Length > QuotedLength ? text.AsSpan(0, QuotedLength) : text.AsSpan())
        {
            if (char.IsControl(c))
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                shown.Append(c);
        }

        shown.Append(quote);
        if (text.Length > QuotedLength)
            shown.Append(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
        return shown.ToString();
    }

    public string CustomerId(string text, string column, int lineNumber)
    {
        if (text.Length == 0)
            throw Error(lineNumber, $"{column} is empty");
        var control = text.AsSpan().IndexOfAnyInRange('\0', '\u001F') is var low and >= 0 ? low : text.AsSpan().IndexOfAnyInRange('\u007F', '\u009F');
        return control < 0
            ? text
            : throw Error(lineNumber, string.Create(CultureInfo.InvariantCulture, $"{column} {Quote(text)} contains the control character U+{(int)text[control]:X4} at position {control + 1}"));
    }

    public DateTime CompactDay(string text, string column, int lineNumber) => Day(text, column, lineNumber, CompactDate);

    public DateTime IsoOrCompactDay(string text, string column, int lineNumber) => Day(text, column, lineNumber, IsoOrCompactDate);

    public int Quantity(string text, string column, int lineNumber)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error(lineNumber, $"{column} {Quote(text)} is not a whole number");
        return value >= 0 ? value : throw Error(lineNumber, $"{column} {text} is negative: {NotAPurchase}");
    }

    public decimal Amount(string text, string column, int lineNumber)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw Error(lineNumber, $"{column} {Quote(text)} is not a number");
        if (value < 0)
            throw Error(lineNumber, $"{column} {text} is negative: {NotAPurchase}");
        return value <= PurchaseLogReader.MaxAmount
            ? value
            : throw Error(lineNumber, string.Create(CultureInfo.InvariantCulture, $"{column} {Quote(text)[1..^1]} is larger than {PurchaseLogReader.MaxAmount:N0}, the largest amount a purchase log may hold (so that no total can overflow)"));
    }

    private DateTime Day(string text, string column, int lineNumber, string[] formats) =>
        DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value.Date, DateTimeKind.Utc)
            : throw Error(lineNumber, $"{column} {Quote(text)} is not a date ({string.Join(" or ", formats)})");
}
