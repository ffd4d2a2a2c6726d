using System.Globalization;
using Segmentation.Cli.Reporting;

namespace Segmentation.Cli.Rendering;

/// <summary>
/// Writes the report as one CSV table: a <c>population</c> row, a <c>segment</c> row per starter segment, an
/// <c>rfm-segment</c> row per named RFM segment and an <c>rfm-cell</c> row per recency × frequency cell.
/// </summary>
internal static class CsvReportWriter
{
    public const string Header = "section,id,name,group,customers,share,bought_after_as_of,bought_after_as_of_rate,revenue_after_as_of";

    public static void Write(TextWriter output, CliReport report)
    {
        output.WriteLine(Header);
        output.WriteLine(Row("population", "all", "All customers", null, report.Customers, 1, null, null, null));
        foreach (var s in report.Segments)
            output.WriteLine(Row("segment", s));
        if (report.Rfm is not { } rfm)
            return;

        foreach (var s in rfm.Segments)
            output.WriteLine(Row("rfm-segment", s));
        for (var r = rfm.Bins; r >= 1; r--)
        {
            for (var f = 1; f <= rfm.Bins; f++)
            {
                var count = rfm.Grid[r - 1][f - 1];
                var id = Invariant($"r{r}-f{f}");
                output.WriteLine(Row("rfm-cell", id, Invariant($"R{r} F{f}"), "rfm", count, (double)count / report.Customers, null, null, null));
            }
        }
    }

    private static string Row(string section, SegmentSize s) =>
        Row(section, s.Id, s.Name, s.Group, s.Customers, s.Share, s.BoughtAfterAsOf, s.BoughtAfterAsOfRate, s.RevenueAfterAsOf);

    private static string Row(string section, string id, string name, string? group, int customers, double share, int? after, double? afterRate, decimal? revenue) =>
        string.Join(',', section, Quote(id), Quote(name), Quote(group ?? string.Empty), Invariant($"{customers}"), Invariant($"{share:0.######}"),
            Invariant($"{after}"), Invariant($"{afterRate:0.######}"), Invariant($"{revenue:0.00}"));

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
