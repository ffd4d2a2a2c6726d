using System.Globalization;
using System.Text;

namespace Segmentation.Core.Validation;

/// <summary>
/// Which characters an id may hold. Control characters (including newlines and tabs), format characters (zero-width
/// spaces and joiners, bidirectional overrides and isolates, the soft hyphen, the byte-order mark), line and paragraph
/// separators and unpaired surrogates are refused: they make ids that print alike but differ (<c>"a\u200Bb"</c> and
/// <c>"ab"</c>), reorder or break the lines that show them, or are not text at all.
/// </summary>
internal static class IdCharacters
{
    /// <summary>The index of the first character an id must not hold, or -1.</summary>
    public static int FirstInvalid(string id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            if (Rune.TryGetRuneAt(id, i, out var rune))
            {
                if (IsRefused(Rune.GetUnicodeCategory(rune)))
                {
                    return i;
                }

                i += rune.Utf16SequenceLength - 1;
            }
            else
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The problem with an id's characters, or <see langword="null"/> when it has none.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id) || FirstInvalid(id) is var at && at < 0)
        {
            return null;
        }

        var what = Rune.TryGetRuneAt(id, at, out var rune)
            ? $"U+{rune.Value:X4} ({Describe(Rune.GetUnicodeCategory(rune))})"
            : $"U+{(int)id[at]:X4} (an unpaired surrogate)";
        return $"the id \"{Escape(id)}\" contains {what} at index {at}; ids must not contain control, format (zero-width, bidirectional) or line-separator characters";
    }

    /// <summary>The id with every refused character written as <c>\uXXXX</c>, so it prints safely in messages.</summary>
    public static string Escape(string id)
    {
        if (FirstInvalid(id) < 0)
        {
            return id;
        }

        var text = new StringBuilder(id.Length + 8);
        for (var i = 0; i < id.Length; i++)
        {
            if (Rune.TryGetRuneAt(id, i, out var rune) && !IsRefused(Rune.GetUnicodeCategory(rune)))
            {
                text.Append(id, i, rune.Utf16SequenceLength);
                i += rune.Utf16SequenceLength - 1;
            }
            else if (Rune.TryGetRuneAt(id, i, out rune) && rune.Utf16SequenceLength == 2)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}");
                i++;
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)id[i]:X4}");
            }
        }

        return text.ToString();
    }

    /// <summary>Why an id that validation finds empty is refused: it is empty, or only white space.</summary>
    public static string EmptyProblem(string? id) =>
        string.IsNullOrEmpty(id) ? "the id must not be empty" : "the id must not be only white space";

    /// <summary>Whether <paramref name="id"/> can name its entry in a path: not empty, and printable.</summary>
    public static bool IsPrintable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => !string.IsNullOrEmpty(id) && FirstInvalid(id) < 0;

    private static bool IsRefused(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;

    private static string Describe(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control => "a control character",
        UnicodeCategory.Format => "an invisible format character",
        _ => "a line or paragraph separator",
    };
}
