using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Segmentation.Cli.Rendering;

/// <summary>
/// A horizontal bar chart drawn to scale: each bar is the value's share of the largest value, in eighths of a character
/// cell (the Unicode block elements ▏ to █), and any value above zero draws at least one eighth so it never looks like zero.
/// </summary>
internal static class ProportionalBarChart
{
    /// <summary>The partial blocks, one to seven eighths of a cell wide.</summary>
    private const string PartialBlocks = "▏▎▍▌▋▊▉";

    private const char FullBlock = '█';

    /// <summary>The length of a bar in eighths of a cell.</summary>
    /// <param name="value">The value, not negative.</param>
    /// <param name="max">The largest value of the chart.</param>
    /// <param name="width">The width of the longest bar, in cells.</param>
    /// <returns>The length: the value's share of <paramref name="max"/>, rounded, and at least 1 for a value above zero.</returns>
    public static int Eighths(long value, long max, int width)
    {
        if (value <= 0 || max <= 0)
            return 0;
        var eighths = (int)Math.Round((double)value / max * width * 8, MidpointRounding.AwayFromZero);
        return Math.Max(1, eighths);
    }

    /// <summary>Draws a bar of a length in eighths of a cell.</summary>
    /// <param name="eighths">The length.</param>
    /// <returns>Full blocks, then one partial block for the remainder.</returns>
    public static string Bar(int eighths) =>
        new string(FullBlock, eighths / 8) + (eighths % 8 == 0 ? string.Empty : PartialBlocks[(eighths % 8) - 1].ToString());

    /// <summary>Measures a drawn bar back in eighths of a cell.</summary>
    /// <param name="bar">The bar's characters.</param>
    /// <returns>Its length.</returns>
    public static int Measure(string bar) =>
        bar.Sum(c => c == FullBlock ? 8 : PartialBlocks.IndexOf(c, StringComparison.Ordinal) + 1);

    /// <summary>The chart: one line per item, label, bar and value.</summary>
    /// <param name="title">The title.</param>
    /// <param name="items">The labels and values, in order.</param>
    /// <param name="width">The width of the longest bar, in cells.</param>
    /// <returns>The renderable.</returns>
    public static IRenderable Render(string title, IReadOnlyList<(string Label, long Value)> items, int width)
    {
        var max = items.Count == 0 ? 0 : items.Max(i => i.Value);
        var colors = new[] { "green", "aqua", "yellow", "fuchsia", "orange1", "blue" };
        var grid = new Grid().AddColumn(new GridColumn().RightAligned()).AddColumn(new GridColumn().NoWrap().LeftAligned());
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var bar = Bar(Eighths(value, max, width));
            var number = value.ToString("N0", CultureInfo.InvariantCulture);
            grid.AddRow(new Markup(Markup.Escape(label)), new Markup($"[{colors[i % colors.Length]}]{bar}[/] {number}"));
        }

        return new Rows(new Markup($"[bold]{Markup.Escape(title)}[/]"), grid);
    }
}
