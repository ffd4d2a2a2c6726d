using System.Globalization;

namespace Segmentation.Analytics.Purchases;

internal static class CsvLogParser
{
    public static List<PurchaseRecord> Parse(TextReader reader, string sourceName, CsvPurchaseLogOptions options)
    {
        var fields = new PurchaseFieldParser(sourceName);
        using var lines = LogLine.NonBlank(reader).GetEnumerator();
        if (!lines.MoveNext())
            throw fields.Error(1, "the log is empty; expected a header line");

        var header = Split(lines.Current, options.Delimiter, fields);
        var customer = Require(header, options.CustomerIdColumn, lines.Current.Number, fields);
        var date = Require(header, options.DateColumn, lines.Current.Number, fields);
        var amount = Require(header, options.AmountColumn, lines.Current.Number, fields);
        var quantity = IndexOf(header, options.QuantityColumn);
        var records = new List<PurchaseRecord>();
        while (lines.MoveNext())
        {
            var number = lines.Current.Number;
            var values = Split(lines.Current, options.Delimiter, fields);
            if (values.Count != header.Count)
                throw fields.Error(number, string.Create(CultureInfo.InvariantCulture, $"expected {header.Count} fields as in the header but found {values.Count}"));

            records.Add(new PurchaseRecord(
                fields.CustomerId(values[customer], options.CustomerIdColumn, number),
                fields.IsoOrCompactDay(values[date], options.DateColumn, number),
                quantity < 0 ? 1 : fields.Quantity(values[quantity], options.QuantityColumn, number),
                fields.Amount(values[amount], options.AmountColumn, number)));
        }

        return records;
    }

    private static List<string> Split(LogLine line, char delimiter, PurchaseFieldParser fields) =>
        CsvLineSplitter.Split(line.Text, delimiter) ?? throw fields.Error(line.Number, "a quoted field is not closed");

    private static int Require(List<string> header, string column, int lineNumber, PurchaseFieldParser fields)
    {
        var index = IndexOf(header, column);
        return index >= 0
            ? index
            : throw fields.Error(lineNumber, $"missing required column '{column}' (header has: {string.Join(", ", header)})");
    }

    private static int IndexOf(List<string> header, string column) =>
        header.FindIndex(name => string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase));
}
