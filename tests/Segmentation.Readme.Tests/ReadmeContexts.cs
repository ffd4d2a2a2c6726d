using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Segmentation.Readme.Tests;

/// <summary>
/// The contexts of README fragments. A fragment that is not a whole program (it uses <c>services</c>, <c>engine</c> or
/// <c>customer</c> without declaring them) is marked <c>&lt;!-- compiled: name --&gt;</c>; the context
/// <c>tests/Segmentation.Readme.Tests/Contexts/name.cs</c> is a C# file with one line <c>// README fragment</c>, which the
/// fragment's text replaces verbatim (behind a <c>#line</c> directive, so errors name the README's lines). A context
/// with a line <c>// include: quickstart</c> is compiled with the type declarations of the README's quickstart
/// (<c>Customer</c>, <c>Order</c>, <c>Event</c>, <c>RetailSegments</c>), read from the README too.
/// </summary>
internal static class ReadmeContexts
{
    /// <summary>The line of a context that the fragment replaces.</summary>
    public const string Placeholder = "// README fragment";

    /// <summary>The line of a context that adds the quickstart's type declarations.</summary>
    public const string IncludeQuickstart = "// include: quickstart";

    public const string Folder = "tests/Segmentation.Readme.Tests/Contexts";

    /// <summary>A file compiled with every context: <c>ReadmeClaim.Check</c>, for a context that checks what the README claims.</summary>
    private static readonly MarkdownBlock ClaimHelper = new("ReadmeClaim.g.cs", 0, "csharp", """
        internal static class ReadmeClaim
        {
            /// <summary>Throws when a claim of the README about the fragment's outcome does not hold.</summary>
            public static void Check(bool holds, string claim)
            {
                if (!holds)
                    throw new global::System.InvalidOperationException("The README's claim does not hold: " + claim);
            }
        }
        """, null, "helper");

    public static string PathOf(string context) => $"{Folder}/{context}.cs";

    public static bool Exists(string context) => File.Exists(Repository.PathOf(PathOf(context)));

    /// <summary>Every context file, by name.</summary>
    public static IReadOnlyList<string> All() =>
        [.. Directory.GetFiles(Repository.PathOf(Folder), "*.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    /// <summary>The fragment set in its context, and the further files the compilation needs.</summary>
    /// <param name="fragment">A block marked <c>compiled: name</c>.</param>
    /// <param name="readmeBlocks">Every block of the fragment's README (for the quickstart's declarations).</param>
    public static (MarkdownBlock Source, IReadOnlyList<MarkdownBlock> Files) Compose(MarkdownBlock fragment, IReadOnlyList<MarkdownBlock> readmeBlocks)
    {
        var context = fragment.Context ?? throw new ArgumentException($"{fragment} names no context", nameof(fragment));
        var path = PathOf(context);
        if (!Exists(context))
            throw new InvalidOperationException($"{fragment} names the context '{context}', but there is no {path}");

        var lines = File.ReadAllLines(Repository.PathOf(path));
        var at = Array.FindIndex(lines, l => l.Trim() == Placeholder);
        if (at < 0 || Array.FindLastIndex(lines, l => l.Trim() == Placeholder) != at)
            throw new InvalidOperationException($"{path} must hold exactly one line '{Placeholder}'");

        var text = new StringBuilder();
        foreach (var line in lines[..at])
            text.Append(line).Append('\n');
        text.Append($"#line {fragment.Line + 1} \"{fragment.File}\"\n");
        text.Append(fragment.Code);
        text.Append($"#line {at + 2} \"{path}\"\n");
        foreach (var line in lines[(at + 1)..])
            text.Append(line).Append('\n');

        var source = new MarkdownBlock(path, 0, "csharp", text.ToString(), null, context);
        var includesQuickstart = lines.Any(l => l.Trim() == IncludeQuickstart);
        return (source, [ClaimHelper, .. includesQuickstart ? readmeBlocks.Where(b => b.IsCSharp && b.Marker == "compiled" && SnippetCompiler.IsProgram(b)).Select(Declarations) : []]);
    }

    /// <summary>A program block's using directives and type declarations, its top-level statements blanked out (lines kept).</summary>
    public static MarkdownBlock Declarations(MarkdownBlock program)
    {
        var root = CSharpSyntaxTree.ParseText(program.Code).GetCompilationUnitRoot();
        var code = program.Code.ToCharArray();
        foreach (var statement in root.Members.OfType<GlobalStatementSyntax>())
        {
            for (var i = statement.FullSpan.Start; i < statement.FullSpan.End; i++)
            {
                if (code[i] is not ('\n' or '\r'))
                    code[i] = ' ';
            }
        }

        return program with { File = program.File + " (declarations)", Line = 0, Code = $"#line {program.Line + 1} \"{program.File}\"\n" + new string(code) };
    }
}
