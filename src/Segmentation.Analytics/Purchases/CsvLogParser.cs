using System.Globalization;

namespace Segmentation.Analytics.Purchases;

internal static class CsvLogParser
{
    /// <summary>Delimiters a header may use instead of the configured one, for the hint.</summary>
    private static readonly char[] OtherDelimiters = [',', ';', '\t', '|'];

    public static List<PurchaseRecord> Parse(TextReader reader, string sourceName, CsvPurchaseLogOptions options)
    {
        var fields = new PurchaseFieldParser(sourceName);
        var problems = new ProblemCollector(sourceName);
        using var lines = LogLine.NonBlank(reader, fields).GetEnumerator();
        if (!lines.MoveNext())
            throw fields.Error(1, "the log is empty; expected a header line");

        var headerLine = lines.Current;
        var header = Split(headerLine, options.Delimiter, fields);
        CheckHeader(header, headerLine, options, fields);
        var customer = Require(header, options.CustomerIdColumn, headerLine, options, fields);
        var date = Require(header, options.DateColumn, headerLine, options, fields);
        var amount = Require(header, options.AmountColumn, headerLine, options, fields);
        var quantity = IndexOf(header, options.QuantityColumn);
        var records = new List<PurchaseRecord>();
        var more = true;
        try
        {
            while (more && lines.MoveNext())
            {
                try
                {
                    records.Add(Record(lines.Current, header.Count, customer, date, quantity, amount, options, fields));
                }
                catch (PurchaseLogFormatException problem)
                {
                    more = problems.Add(problem);
                }
            }
        }
        catch (PurchaseLogFormatException unreadable)
        {
            problems.Add(unreadable);
        }

        problems.ThrowIfAny(stoppedEarly: !more);
        return records;
    }

    private static PurchaseRecord Record(LogLine line, int columns, int customer, int date, int quantity, int amount, CsvPurchaseLogOptions options, PurchaseFieldParser fields)
    {
        var number = line.Number;
        var values = Split(line, options.Delimiter, fields);
        if (values.Count != columns)
            throw fields.Error(number, string.Create(CultureInfo.InvariantCulture, $"expected {columns} fields as in the header but found {values.Count}"));

        return new PurchaseRecord(
            fields.CustomerId(values[customer], options.CustomerIdColumn, number),
            fields.IsoOrCompactDay(values[date], options.DateColumn, number),
            quantity < 0 ? 1 : fields.Quantity(values[quantity], options.QuantityColumn, number),
            fields.Amount(values[amount], options.AmountColumn, number));
    }

    private static List<string> Split(LogLine line, char delimiter, PurchaseFieldParser fields) =>
        CsvLineSplitter.Split(line.Text, delimiter) ?? throw fields.Error(line.Number, "a quoted field is not closed");

    /// <summary>Rejects a column named twice and, unless they are ignored, columns the reader does not know.</summary>
    private static void CheckHeader(List<string> header, LogLine line, CsvPurchaseLogOptions options, PurchaseFieldParser fields)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var first = header.FindIndex(name => string.Equals(name, header[i], StringComparison.OrdinalIgnoreCase));
            if (first < i)
                throw fields.Error(line.Number, string.Create(CultureInfo.InvariantCulture, $"column {PurchaseFieldParser.Quote(header[i])} appears twice in the header (columns {first + 1} and {i + 1})"));
        }

        if (options.IgnoreUnknownColumns || Missing(header, options).Any())
            return;

        string[] known = [options.CustomerIdColumn, options.DateColumn, options.AmountColumn, options.QuantityColumn];
        var unknown = header.FirstOrDefault(name => !known.Any(k => string.Equals(name, k.Trim(), StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null)
        {
            throw fields.Error(line.Number, $"unknown column {PurchaseFieldParser.Quote(unknown)} (the columns are {options.CustomerIdColumn}, {options.DateColumn}, {options.AmountColumn} and optionally {options.QuantityColumn}; set IgnoreUnknownColumns to ignore other columns)");
        }
    }

    private static IEnumerable<string> Missing(List<string> header, CsvPurchaseLogOptions options) =>
        new[] { options.CustomerIdColumn, options.DateColumn, options.AmountColumn }.Where(column => IndexOf(header, column) < 0);

    private static int Require(List<string> header, string column, LogLine line, CsvPurchaseLogOptions options, PurchaseFieldParser fields)
    {
        var index = IndexOf(header, column);
        if (index >= 0)
            return index;

        var listed = string.Join(", ", header.Take(10).Select(PurchaseFieldParser.Shorten)) + (header.Count > 10 ? string.Create(CultureInfo.InvariantCulture, $", … ({header.Count} columns)") : string.Empty);
        var reason = $"missing required column '{column}' (header has: {listed})";
        var other = header.Count == 1 ? OtherDelimiters.FirstOrDefault(d => d != options.Delimiter && line.Text.Contains(d, StringComparison.Ordinal)) : default;
        if (other != default)
            reason += $"; the header has no {Shown(options.Delimiter)} but {Shown(other)}: is the file delimited by {Shown(other)}? Set CsvPurchaseLogOptions.Delimiter (CLI: --delimiter).";
        throw fields.Error(line.Number, reason);
    }

    private static string Shown(char delimiter) => delimiter == '\t' ? "tabs" : $"'{delimiter}'";

    private static int IndexOf(List<string> header, string column) =>
        header.FindIndex(name => string.Equals(name, column.Trim(), StringComparison.OrdinalIgnoreCase));
}
