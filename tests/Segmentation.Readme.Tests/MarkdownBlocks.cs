namespace Segmentation.Readme.Tests;

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Info">The info string after the fence (<c>csharp</c>, <c>text</c>, ...).</param>
/// <param name="Code">The block's text, verbatim.</param>
/// <param name="Marker">The HTML comment on the line just before the fence, if any (<c>compiled</c>).</param>
/// <param name="Heading">The nearest heading above the block.</param>
internal sealed record MarkdownBlock(string File, int Line, string Info, string Code, string? Marker, string Heading)
{
    public bool IsCSharp => Info is "csharp" or "cs" or "c#";

    public override string ToString() => $"{File} line {Line} ({Heading})";
}

/// <summary>Reads the fenced code blocks of a Markdown file, with what precedes them.</summary>
internal static class MarkdownBlocks
{
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

            if (!line.StartsWith("```", StringComparison.Ordinal))
                continue;

            var info = line[3..].Trim();
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
                body.Add(lines[i]);
            var marker = start > 0 && lines[start - 1].Trim() is var previous && previous.StartsWith("<!--", StringComparison.Ordinal) && previous.EndsWith("-->", StringComparison.Ordinal)
                ? previous[4..^3].Trim()
                : null;
            blocks.Add(new MarkdownBlock(relativePath, start + 1, info, string.Join('\n', body) + "\n", marker, heading));
        }

        return blocks;
    }
}
