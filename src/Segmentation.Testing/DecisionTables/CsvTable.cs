using System.Text;

namespace Segmentation.Testing;

/// <summary>Reads RFC 4180 CSV: a header row, quoted fields with doubled quotes, blank lines skipped.</summary>
internal static class CsvTable
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows) Parse(string text)
    {
        var records = Records(text).Where(r => !(r.Count == 1 && r[0].Length == 0)).ToList();
        if (records.Count == 0)
        {
            throw new DecisionTableFormatException("The CSV has no header row.");
        }

        var header = records[0].Select(h => h.Trim()).ToArray();
        var rows = records.Skip(1).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Count != header.Length)
            {
                throw new DecisionTableFormatException($"Row {i + 1} has {rows[i].Count} fields; the header has {header.Length}.");
            }
        }

        return (header, rows);
    }

    private static IEnumerable<IReadOnlyList<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new DecisionTableFormatException("The CSV ends inside a quoted field.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
