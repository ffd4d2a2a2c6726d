using System.Globalization;
using Segmentation.Cli.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Segmentation.Cli.Rendering;

/// <summary>Renders the report for a person: tables, a bar chart, the overlap matrix and the RFM grid.</summary>
internal static class TableReportRenderer
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, CliReport report, TimeSpan elapsed)
    {
        console.Write(new Rule($"[bold]Segmentation.Core[/] · {Markup.Escape(report.Source)} · as of {report.AsOf:yyyy-MM-dd}").LeftJustified());
        console.MarkupLine(Invariant($"[bold]{report.Customers:N0}[/] customers, {report.CustomersWithPurchases:N0} with a purchase by as-of"));
        console.MarkupLine(Invariant($"high-value: spend >= {report.HighValueThreshold:N2} in the last 365 days"));
        console.Write(SegmentTable("Starter segments", report.Segments));
        console.Write(Chart(report.Segments.Where(s => s.Group is null || s.Customers > 0)));
        console.Write(OverlapTable(report.Overlap));
        if (report.Rfm is { } rfm)
        {
            console.Write(RfmGrid(rfm));
            console.Write(SegmentTable(Invariant($"RFM segments ({rfm.Bins} bins, fitted on {report.CustomersWithPurchases:N0} customers)"), rfm.Segments));
        }

        console.MarkupLine(Invariant($"[grey]{report.Customers:N0} customers evaluated in {elapsed.TotalSeconds:0.00} s[/]"));
    }

    private static Table SegmentTable(string title, IEnumerable<SegmentSize> segments)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded)
            .AddColumn("Group").AddColumn("Segment").AddColumn(new TableColumn("Customers").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned()).AddColumn(new TableColumn("Bought after as-of").RightAligned());
        foreach (var s in segments)
        {
            table.AddRow(Markup.Escape(s.Group ?? "—"), Markup.Escape(s.Id), Invariant($"{s.Customers:N0}"), Invariant($"{s.Share:P1}"),
                s.Customers == 0 ? "—" : Invariant($"{s.BoughtAfterAsOfRate:P1}"));
        }

        return table;
    }

    private static BarChart Chart(IEnumerable<SegmentSize> segments)
    {
        var chart = new BarChart().Label("Customers per segment").Width(72).UseValueFormatter(v => v.ToString("N0", Culture));
        var colors = new[] { Color.Green, Color.Aqua, Color.Yellow, Color.Fuchsia, Color.Orange1, Color.Blue };
        var i = 0;
        foreach (var s in segments)
            chart.AddItem(s.Id, s.Customers, colors[i++ % colors.Length]);
        return chart;
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
