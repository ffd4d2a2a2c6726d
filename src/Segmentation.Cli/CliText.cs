using System.Globalization;
using System.Text;

namespace Segmentation.Cli;

/// <summary>Text from the input, made safe to print in a one-line message: control characters escaped, long text cut.</summary>
internal static class CliText
{
    public const int MaxQuoted = 80;

    public static string Shorten(string text, int max = MaxQuoted)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > max ? text.AsSpan(0, max) : text.AsSpan())
        {
            if (char.IsControl(c))
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                shown.Append(c);
        }

        if (text.Length > max)
            shown.Append(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
        return shown.ToString();
    }
}
