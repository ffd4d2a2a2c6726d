using System.Globalization;

namespace Segmentation.Analytics.Purchases;

internal static class CdnowLogParser
{
    private const string SampleColumns = "master_id sample_id yyyymmdd number_of_cds dollar_value";
    private const string MasterColumns = "customer_id date number_of_cds dollar_value";

    public static List<PurchaseRecord> Parse(TextReader reader, string sourceName)
    {
        var fields = new PurchaseFieldParser(sourceName);
        var records = new List<PurchaseRecord>();
        int? columns = null;
        foreach (var line in LogLine.NonBlank(reader))
        {
            var tokens = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (columns is null)
            {
                columns = DetectColumns(tokens, line.Number, fields);
                if (columns == 4 && IsMasterHeader(tokens))
                    continue;
            }

            records.Add(columns == 5 ? Sample(tokens, line.Number, fields) : Master(tokens, line.Number, fields));
        }

        return records;
    }

    private static int DetectColumns(string[] tokens, int lineNumber, PurchaseFieldParser fields) => tokens.Length switch
    {
        5 => 5,
        4 => 4,
        _ => throw fields.Error(lineNumber, string.Create(CultureInfo.InvariantCulture, $"expected the CDNOW sample format ({SampleColumns}) or the master format ({MasterColumns}) but found {tokens.Length} columns")),
    };

    private static bool IsMasterHeader(string[] tokens) =>
        string.Equals(tokens[0], "customer_id", StringComparison.OrdinalIgnoreCase);

    private static PurchaseRecord Sample(string[] tokens, int lineNumber, PurchaseFieldParser fields)
    {
        RequireColumns(tokens, 5, SampleColumns, lineNumber, fields);
        return new PurchaseRecord(
            fields.CustomerId(tokens[1], "sample_id", lineNumber),
            fields.CompactDay(tokens[2], "yyyymmdd", lineNumber),
            fields.Quantity(tokens[3], "number_of_cds", lineNumber),
            fields.Amount(tokens[4], "dollar_value", lineNumber));
    }

    private static PurchaseRecord Master(string[] tokens, int lineNumber, PurchaseFieldParser fields)
    {
        RequireColumns(tokens, 4, MasterColumns, lineNumber, fields);
        return new PurchaseRecord(
            fields.CustomerId(tokens[0], "customer_id", lineNumber),
            fields.CompactDay(tokens[1], "date", lineNumber),
            fields.Quantity(tokens[2], "number_of_cds", lineNumber),
            fields.Amount(tokens[3], "dollar_value", lineNumber));
    }

    private static void RequireColumns(string[] tokens, int expected, string names, int lineNumber, PurchaseFieldParser fields)
    {
        if (tokens.Length != expected)
            throw fields.Error(lineNumber, string.Create(CultureInfo.InvariantCulture, $"expected {expected} columns ({names}) but found {tokens.Length}"));
    }
}
