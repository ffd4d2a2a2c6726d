using System.Globalization;
using System.Text;

namespace Segmentation.Testing;

/// <summary>Reads RFC 4180 CSV: a header row, quoted fields with doubled quotes, blank lines skipped. Errors name the table and the line.</summary>
internal static class CsvTable
{
    public static RawTable Parse(string text, string name)
    {
        var records = Records(text, name).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0)).ToList();
        if (records.Count == 0)
        {
            throw new DecisionTableFormatException($"{name} line 1: the CSV has no header row.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var rows = new List<RawRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Length)
            {
                var count = fields.Count == 1 ? "1 field" : string.Create(CultureInfo.InvariantCulture, $"{fields.Count} fields");
                throw new DecisionTableFormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}: row {rows.Count + 1} has {count}; the header has {header.Length}."));
            }

            rows.Add(new RawRow(line, fields));
        }

        return new RawTable(header, records[0].Line, rows);
    }

    private static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Records(string text, string name)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        var quoteLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                {
                    line++;
                }

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
                quoteLine = line;
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
                yield return (recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new DecisionTableFormatException(string.Create(CultureInfo.InvariantCulture, $"{name} line {quoteLine}: a quoted field opened here is never closed."));
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
