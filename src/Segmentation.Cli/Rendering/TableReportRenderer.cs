using System.Globalization;
using Segmentation.Cli.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Segmentation.Cli.Rendering;

/// <summary>Renders the report for a person: tables, a bar chart, the overlap matrix and the RFM grid.</summary>
internal static class TableReportRenderer
{
    /// <summary>The width of the longest bar of the chart, in cells.</summary>
    public const int ChartWidth = 48;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A number of customers, singular or plural.</summary>
    /// <param name="count">The number.</param>
    /// <returns><c>1 customer</c>, <c>2,357 customers</c>.</returns>
    public static string Customers(int count) => count == 1 ? "1 customer" : Invariant($"{count:N0} customers");

    public static void Render(IAnsiConsole console, CliReport report, TimeSpan elapsed)
    {
        console.Write(new Rule($"[bold]Segmentation.Core[/] · {Markup.Escape(report.Source)} · as of {report.AsOf:yyyy-MM-dd}").LeftJustified());
        foreach (var warning in report.Warnings)
            console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        console.MarkupLine(Invariant($"[bold]{Customers(report.Customers)}[/], {report.CustomersWithPurchases:N0} with a purchase by as-of; purchases from {report.FirstPurchase:yyyy-MM-dd} to {report.LastPurchase:yyyy-MM-dd}"));
        console.MarkupLine(Invariant($"high-value: spend >= {report.HighValueThreshold:N2} in the last 365 days"));
        console.Write(SegmentTable("Starter segments", report.Segments, report));
        console.Write(ProportionalBarChart.Render("Customers per segment", [.. report.Segments.Where(s => s.Group is null || s.Customers > 0).Select(s => (s.Id, (long)s.Customers))], ChartWidth));
        console.Write(OverlapTable(report.Overlap));
        if (report.Rfm is { } rfm)
        {
            console.Write(RfmGrid(rfm));
            foreach (var note in rfm.Notes)
                console.MarkupLine("[grey]" + Markup.Escape(note) + "[/]");
            console.Write(SegmentTable(Invariant($"RFM segments ({rfm.Bins} bins, fitted on {Customers(report.CustomersWithPurchases)})"), rfm.Segments, report));
        }

        console.MarkupLine(Invariant($"[grey]{Customers(report.Customers)} evaluated in {elapsed.TotalSeconds:0.00} s[/]"));
    }

    private static Table SegmentTable(string title, IEnumerable<SegmentSize> segments, CliReport report)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded)
            .AddColumn("Group").AddColumn("Segment").AddColumn(new TableColumn("Customers").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned()).AddColumn(new TableColumn("Bought after as-of").RightAligned());
        if (!report.HasDataAfterAsOf)
            table.Caption(Invariant($"[grey]bought after as-of: no data after as-of (the log ends on {report.LastPurchase:yyyy-MM-dd})[/]"));
        foreach (var s in segments)
        {
            var after = s.BoughtAfterAsOfRate is not { } rate ? "no data" : s.Customers == 0 ? "—" : Invariant($"{rate:P1}");
            table.AddRow(Markup.Escape(s.Group ?? "—"), Markup.Escape(s.Id), Invariant($"{s.Customers:N0}"), Invariant($"{s.Share:P1}"), after);
        }

        return table;
    }

    private static Table OverlapTable(OverlapMatrix overlap)
    {
        var table = new Table().Title("Overlap: customers in both").Border(TableBorder.Rounded).AddColumn(string.Empty)
            .Caption("[grey]diagonal = segment size; champ / at-risk = RFM segments[/]");
        foreach (var id in overlap.Segments)
            table.AddColumn(new TableColumn(Markup.Escape(Short(id))).RightAligned());
        for (var r = 0; r < overlap.Segments.Count; r++)
        {
            var cells = new List<IRenderable> { new Markup(Markup.Escape(Short(overlap.Segments[r]))) };
            cells.AddRange(overlap.Counts[r].Select((count, c) => (IRenderable)new Markup(r == c ? Invariant($"[bold]{count:N0}[/]") : Invariant($"{count:N0}"))));
            table.AddRow(cells);
        }

        return table;
    }

    private static Table RfmGrid(RfmSummary rfm)
    {
        var table = new Table().Title("RFM grid: customers by recency (rows) × frequency (columns)").Border(TableBorder.Rounded).AddColumn(string.Empty);
        for (var f = 1; f <= rfm.Bins; f++)
            table.AddColumn(new TableColumn(Invariant($"F{f}")).RightAligned());
        for (var r = rfm.Bins; r >= 1; r--)
            table.AddRow([Invariant($"R{r}"), .. rfm.Grid[r - 1].Select(count => Invariant($"{count:N0}"))]);
        return table;
    }

    private static string Short(string id) => id switch
    {
        "one-time" => "1-time",
        "churn-risk" => "churn",
        "high-value" => "hi-val",
        "rfm:champions" => "champ",
        _ when id.StartsWith(ReportBuilder.RfmPrefix, StringComparison.Ordinal) => id[ReportBuilder.RfmPrefix.Length..],
        _ => id,
    };

    private static string Invariant(FormattableString text) => text.ToString(Culture);
}
