namespace Segmentation.Readme.Tests;

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Info">The info string after the fence (<c>csharp</c>, <c>text</c>, ...).</param>
/// <param name="Code">The block's text, verbatim (less the fence's own indentation, for a fence inside a list item).</param>
/// <param name="Marker">The HTML comment on the line just before the fence, if any (<c>compiled</c>, <c>compiled: di</c>).</param>
/// <param name="Heading">The nearest heading above the block.</param>
internal sealed record MarkdownBlock(string File, int Line, string Info, string Code, string? Marker, string Heading)
{
    /// <summary>The block's language: the first word of its info string, lower case (empty when the fence names none).</summary>
    public string Language => Info.Split(' ', 2)[0].ToLowerInvariant();

    public bool IsCSharp => Language is "csharp" or "cs" or "c#";

    /// <summary>Whether the marker says the block is compiled (<c>compiled</c>, or <c>compiled: context</c>).</summary>
    public bool IsMarkedCompiled => Marker is { } marker && (marker == "compiled" || marker.StartsWith("compiled:", StringComparison.Ordinal));

    /// <summary>The context named by a <c>compiled: context</c> marker, or <see langword="null"/>.</summary>
    public string? Context => Marker is { } marker && marker.StartsWith("compiled:", StringComparison.Ordinal) ? marker["compiled:".Length..].Trim() : null;

    public override string ToString() => $"{File} line {Line} ({Heading})";
}

/// <summary>Reads the fenced code blocks of a Markdown file, with what precedes them.</summary>
internal static class MarkdownBlocks
{
    /// <summary>
    /// Reads every fenced block (<c>```</c> or <c>~~~</c>, at any indentation, so a block inside a list item counts too).
    /// The block ends at the next fence of the same kind.
    /// </summary>
    public static IReadOnlyList<MarkdownBlock> Read(string relativePath)
    {
        var lines = File.ReadAllLines(Repository.PathOf(relativePath));
        var blocks = new List<MarkdownBlock>();
        var heading = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
                continue;
            }

            var trimmed = line.TrimStart();
            var fence = trimmed.StartsWith("```", StringComparison.Ordinal) ? "```" : trimmed.StartsWith("~~~", StringComparison.Ordinal) ? "~~~" : null;
            if (fence is null)
                continue;

            var indent = line.Length - trimmed.Length;
            var info = trimmed.TrimStart(fence[0]).Trim();
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith(fence, StringComparison.Ordinal); i++)
                body.Add(Unindent(lines[i], indent));
            var marker = start > 0 && lines[start - 1].Trim() is var previous && previous.StartsWith("<!--", StringComparison.Ordinal) && previous.EndsWith("-->", StringComparison.Ordinal)
                ? previous[4..^3].Trim()
                : null;
            blocks.Add(new MarkdownBlock(relativePath, start + 1, info, string.Join('\n', body) + "\n", marker, heading));
        }

        return blocks;
    }

    private static string Unindent(string line, int indent)
    {
        var blank = 0;
        while (blank < indent && blank < line.Length && line[blank] == ' ')
            blank++;
        return line[blank..];
    }
}
