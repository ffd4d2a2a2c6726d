using System.Globalization;
using Segmentation.Core.Tracking;

namespace Segmentation.Cli.Tracking;

/// <summary>Draws each segment's size at each run as one line of block characters (a sparkline), with its first and last size.</summary>
internal static class SizeChart
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";

    public static void Write(TextWriter output, IReadOnlyList<string> membershipIds, IReadOnlyList<RunSegmentSizes> sizes)
    {
        if (sizes.Count == 0)
        {
            return;
        }

        var width = membershipIds.Max(id => id.Length);
        output.WriteLine($"Sizes over time ({sizes[0].Run.AsOf:yyyy-MM-dd} to {sizes[^1].Run.AsOf:yyyy-MM-dd}, one column per run)");
        foreach (var id in membershipIds)
        {
            var series = sizes.Select(s => s.SizeOf(id)).ToArray();
            var max = Math.Max(series.Max(), 1);
            var line = new string([.. series.Select(size => Blocks[(int)Math.Ceiling(size * (Blocks.Length - 1) / (double)max)])]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id.PadRight(width)}  {line}  {series[0],7:N0} → {series[^1],7:N0}"));
        }
    }
}
