using System.Text.Json;
using System.Text.Json.Serialization;
using Segmentation.Cli.Reporting;

namespace Segmentation.Cli.Rendering;

/// <summary>Writes the report as one indented JSON object with camel-case names, plus the elapsed milliseconds.</summary>
internal static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(TextWriter output, CliReport report, TimeSpan elapsed)
    {
        var document = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        document["elapsedMs"] = Math.Round(elapsed.TotalMilliseconds);
        output.WriteLine(document.ToJsonString(Options));
    }
}
