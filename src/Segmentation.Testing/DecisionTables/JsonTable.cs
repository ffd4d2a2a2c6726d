using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Segmentation.Testing;

/// <summary>
/// Reads a JSON array of flat objects into columns and cells of text. Errors name the table and the line: malformed JSON,
/// a root that is not an array, a row that is not an object, and a key that appears twice in a row (keys are case-insensitive).
/// </summary>
internal static class JsonTable
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static RawTable Parse(string json, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var (arrayLine, rowLines) = Scan(bytes, name);
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var header = new List<string>();
        var objects = new List<Dictionary<string, string?>>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
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

        var rows = objects.Select((o, i) => new RawRow(rowLines[i], [.. header.Select(h => o.GetValueOrDefault(h))])).ToArray();
        return new RawTable(header, arrayLine, rows);
    }

    /// <summary>Checks the structure with a reader that knows where each token starts, and returns the line of the array and of each row.</summary>
    private static (int ArrayLine, List<int> RowLines) Scan(byte[] bytes, string name)
    {
        var lines = new LineCounter(bytes);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw Error(name, 1, "the JSON is empty; a decision table is an array of objects, one per row.");
            }

            var arrayLine = lines.LineAt(reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Error(name, arrayLine, $"a JSON decision table is an array of objects, one per row, not {Article(reader.TokenType)}.");
            }

            var rowLines = new List<int>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(reader.TokenStartIndex);
                var number = rowLines.Count + 1;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Error(name, line, $"row {number} is a JSON {Kind(reader.TokenType)}, not an object.");
                }

                rowLines.Add(line);
                var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString() ?? string.Empty;
                    if (keys.TryGetValue(key, out var first))
                    {
                        var spelling = string.Equals(first, key, StringComparison.Ordinal) ? "." : $" ('{first}' and '{key}'; names are case-insensitive).";
                        throw Error(name, lines.LineAt(reader.TokenStartIndex), $"row {number} has the key '{key}' twice{spelling}");
                    }

                    keys.Add(key, key);
                    reader.Skip();
                }
            }

            while (reader.Read())
            {
                // Anything after the array makes the reader throw.
            }

            return (arrayLine, rowLines);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } zeroBased ? (int)Math.Min(zeroBased + 1, int.MaxValue) : lines.LineAt(reader.TokenStartIndex);
            var reason = ex.Message;
            var position = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw Error(name, line, "the JSON is malformed: " + (position >= 0 ? reason[..position] : reason), ex);
        }
    }

    private static DecisionTableFormatException Error(string name, int line, string message, Exception? inner = null)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{name} line {line}: {message}");
        return inner is null ? new DecisionTableFormatException(text) : new DecisionTableFormatException(text, inner);
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };

    private static string Article(JsonTokenType token) => Kind(token) is var kind && kind[0] is 'a' or 'o' ? "an " + kind : "a " + kind;

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

    /// <summary>Turns byte offsets into 1-based line numbers, counting forward so a whole table costs one pass.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long offset;
        private int line = 1;

        public int LineAt(long position)
        {
            if (position < offset)
            {
                offset = 0;
                line = 1;
            }

            for (; offset < position && offset < bytes.Length; offset++)
            {
                if (bytes[offset] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }
    }
}
