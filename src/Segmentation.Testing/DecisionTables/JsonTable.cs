using System.Text.Json;

namespace Segmentation.Testing;

/// <summary>Reads a JSON array of flat objects into columns and cells of text.</summary>
internal static class JsonTable
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows) Parse(string json)
    {
        using var document = Parse(json, out var error);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new DecisionTableFormatException("A JSON decision table is an array of objects, one per row." + error);
        }

        var header = new List<string>();
        var objects = new List<Dictionary<string, string?>>();
        var number = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            number++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new DecisionTableFormatException($"Row {number} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object.");
            }

            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                if (!header.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    header.Add(property.Name);
                }

                cells[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? null : Text(property.Value);
            }

            objects.Add(cells);
        }

        var rows = objects.Select(o => (IReadOnlyList<string?>)[.. header.Select(h => o.GetValueOrDefault(h))]).ToArray();
        return (header, rows);
    }

    private static JsonDocument? Parse(string json, out string error)
    {
        try
        {
            error = string.Empty;
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            error = " " + ex.Message;
            return null;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        JsonValueKind.Array => string.Join(';', value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
