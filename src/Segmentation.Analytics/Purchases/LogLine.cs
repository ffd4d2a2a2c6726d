using System.Globalization;
using System.Text;

namespace Segmentation.Analytics.Purchases;

/// <summary>
/// A non-blank line of a purchase log with its 1-based number. Lines end with CRLF, LF or CR; a line longer than
/// <see cref="PurchaseLogReader.MaxLineLength"/> characters or made of NUL characters at least half ends the read with an error,
/// so a binary file or an endless stream (<c>/dev/zero</c>) fails at its first line instead of filling memory.
/// </summary>
internal readonly record struct LogLine(int Number, string Text)
{
    public static IEnumerable<LogLine> NonBlank(TextReader reader, PurchaseFieldParser fields)
    {
        var number = 0;
        var line = new StringBuilder();
        while (true)
        {
            line.Clear();
            var ended = false;
            int c;
            while ((c = reader.Read()) >= 0)
            {
                if (c == '\n')
                {
                    ended = true;
                    break;
                }

                if (c == '\r')
                {
                    if (reader.Peek() == '\n')
                        reader.Read();
                    ended = true;
                    break;
                }

                if (line.Length == PurchaseLogReader.MaxLineLength)
                    throw fields.Error(number + 1, TooLong(line));
                line.Append((char)c);
            }

            if (!ended && line.Length == 0)
                yield break;

            number++;
            var text = line.ToString();
            if (text.Length > 0 && text.Count(c => c == '\0') * 2 >= text.Length)
                throw fields.Error(number, "the line contains NUL characters: this looks like a binary file, not a purchase log");
            if (!string.IsNullOrWhiteSpace(text))
                yield return new LogLine(number, text);
            if (!ended)
                yield break;
        }
    }

    private static string TooLong(StringBuilder line)
    {
        var limit = PurchaseLogReader.MaxLineLength.ToString("N0", CultureInfo.InvariantCulture);
        var binary = false;
        foreach (var chunk in line.GetChunks())
            binary |= chunk.Span.Contains('\0');
        return binary
            ? $"the line is longer than {limit} characters and contains NUL characters: this looks like a binary file, not a purchase log"
            : $"the line is longer than {limit} characters: a purchase log has one short record per line; is this the right file?";
    }
}
