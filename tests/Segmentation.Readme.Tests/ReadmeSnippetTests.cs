using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Segmentation.Core.Rules;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Segmentation.Readme.Tests;

/// <summary>
/// Every C# snippet a reader copies from a README compiles verbatim; a snippet followed by a <c>text</c> block (under the same heading) is run and
/// must print exactly that. Every C# block of the package READMEs is a whole program or file, compiled with the
/// declaration-only blocks of the same README as the further files of the same project. Every C# block of the repository
/// README is marked: <c>&lt;!-- compiled --&gt;</c> for a whole program (the quickstart), or
/// <c>&lt;!-- compiled: name --&gt;</c> for a fragment set verbatim into the context <c>Contexts/name.cs</c> (see
/// <see cref="ReadmeContexts"/>); a context that is a program is also run. A guard fails for an unmarked C# block.
/// </summary>
public sealed class ReadmeSnippetTests
{
    public static TheoryData<string> Snippets
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var block in Repository.Readmes().SelectMany(CompiledBlocks))
                data.Add($"{block.File}:{block.Line}");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_CompilesVerbatim_AndPrintsTheOutputShown(string id)
    {
        var (block, source, files, expected) = Find(id);

        var (image, problems) = SnippetCompiler.Compile(source, files);

        problems.Should().BeEmpty(block.Context is null
            ? $"the snippet at {block} must compile as pasted into a new console app"
            : $"the fragment at {block} must compile verbatim in its context {ReadmeContexts.PathOf(block.Context)}");
        if (expected is not null)
            Normalize(SnippetCompiler.Run(image!)).Should().Be(Normalize(expected.Code), $"{block} is followed by its output");
        else if (block.Context is not null && SnippetCompiler.IsProgram(source))
            SnippetCompiler.Run(image!);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_WithOneReferenceRenamed_DoesNotCompile(string id)
    {
        var (block, _, _, _) = Find(id);
        var broken = block with { Code = RenameLastReference(block.Code) };
        var (source, files) = Compose(broken);

        var (_, problems) = SnippetCompiler.Compile(source, files);

        var where = block.File + (block.Context is null ? ":" : "(");
        problems.Should().Contain(p => p.StartsWith(where, StringComparison.Ordinal),
            $"the text of {block} is what the test compiles: breaking it must break the compilation, at the README's line");
    }

    [Fact]
    public void RootReadme_EveryCSharpBlockIsCompiled()
    {
        var blocks = MarkdownBlocks.Read("README.md").Where(b => b.IsCSharp).ToArray();

        blocks.Should().HaveCountGreaterThan(10);
        blocks.Where(b => !b.IsMarkedCompiled).Should().BeEmpty(
            "every C# block of README.md is compiled: mark it <!-- compiled --> (a whole program) or <!-- compiled: name --> (a fragment in the context Contexts/name.cs)");
        blocks.Where(b => b.Context is { } context && !ReadmeContexts.Exists(context)).Should().BeEmpty("a marker names an existing context");
    }

    [Fact]
    public void Readmes_EveryFenceNamesItsLanguage_AndCSharpIsTaggedAsSuch()
    {
        var blocks = Repository.Readmes().SelectMany(MarkdownBlocks.Read).ToArray();

        blocks.Where(b => b.Language.Length == 0).Should().BeEmpty("a fence without a language could hide C# from the compiled-snippet tests: tag it (text, bash, csharp...)");
        blocks.Where(b => !b.IsCSharp && LooksLikeCSharp(b.Code)).Should().BeEmpty("a block that parses as C# is tagged csharp, so that it is compiled");
    }

    [Fact]
    public void EveryContext_IsUsedByAFragment_AndHoldsOnePlaceholder()
    {
        var used = MarkdownBlocks.Read("README.md").Select(b => b.Context).OfType<string>().ToHashSet();

        ReadmeContexts.All().Should().BeSubsetOf(used, "a context no fragment names is dead code");
        foreach (var context in ReadmeContexts.All())
            File.ReadAllLines(Repository.PathOf(ReadmeContexts.PathOf(context))).Count(l => l.Trim() == ReadmeContexts.Placeholder).Should().Be(1, context);
    }

    [Fact]
    public void EveryPackageReadme_HasCompiledSnippets()
    {
        foreach (var readme in Repository.PackageReadmes())
            CompiledBlocks(readme).Should().NotBeEmpty($"{readme} shows how to use its package");
    }

    [Fact]
    public void RootQuickstart_IsACompiledProgramWithItsOutput()
    {
        var blocks = MarkdownBlocks.Read("README.md");
        var quickstart = blocks.First(b => b.IsCSharp && b.Heading.StartsWith("Quickstart", StringComparison.Ordinal));

        quickstart.Marker.Should().Be("compiled");
        SnippetCompiler.IsProgram(quickstart).Should().BeTrue("the quickstart is a whole console program");
        blocks[blocks.ToList().IndexOf(quickstart) + 1].Info.Should().Be("text", "the quickstart's output is shown, and checked");
    }

    [Fact]
    public void RootQuickstart_CatalogPrintsTheRuleSetLinesOfTheReadme()
    {
        var blocks = MarkdownBlocks.Read("README.md");
        var quickstart = blocks.First(b => b.IsCSharp && b.Heading.StartsWith("Quickstart", StringComparison.Ordinal));
        var (image, problems) = SnippetCompiler.Compile(quickstart, []);
        problems.Should().BeEmpty();
        var assembly = SnippetCompiler.Load(image!);
        var catalog = Activator.CreateInstance(assembly.GetType("RetailSegments", throwOnError: true)!)!;
        var definition = catalog.GetType().GetProperty("Definition")!.GetValue(catalog)!;
        var customer = assembly.GetType("Customer", throwOnError: true)!;

        var ruleSet = typeof(RuleSet<>).MakeGenericType(customer).GetMethod("From")!.Invoke(null, [definition])!.ToString();

        var shown = blocks.Single(b => b.Heading == "The rule set" && b.Language == "text").Code.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ruleSet.Should().ContainAll(shown);
    }

    [Fact]
    public void TestingReadme_DecisionTableExample_PassesAgainstTheExampleCatalogWithCompleteCoverage()
    {
        const string Readme = "src/Segmentation.Testing/README.md";
        var blocks = MarkdownBlocks.Read(Readme);
        var csv = blocks.Single(b => b.Info == "csv").Code;
        var types = CompiledBlocks(Readme).Where(b => !SnippetCompiler.IsProgram(b)).ToArray();
        var harness = new MarkdownBlock("harness", 1, "csharp", $$""""
            using Segmentation.Core.Engine;
            using Segmentation.Testing;

            var table = DecisionTable.ParseCsv("""
            {{csv.TrimEnd('\n')}}
            """, "segments.csv");
            var engine = SegmentEngine.Compile(new MyCatalog());
            var coverage = ConditionCoverage.For(engine);
            Console.WriteLine(table.Run(engine, CustomerRows.Map, coverage));
            coverage.ThrowIfIncomplete();
            Console.WriteLine("coverage complete");
            """", null, "harness");

        var (image, problems) = SnippetCompiler.Compile(harness, types);

        problems.Should().BeEmpty();
        SnippetCompiler.Run(image!).ReplaceLineEndings("\n").Trim().Should().Be("Decision table 'segments.csv': all 3 rows passed.\ncoverage complete", "the README's coverage example runs ThrowIfIncomplete over this table");
    }

    /// <summary>The C# blocks of a README that the tests compile: all of a package README, the marked ones of README.md.</summary>
    private static IEnumerable<MarkdownBlock> CompiledBlocks(string readme) =>
        MarkdownBlocks.Read(readme).Where(b => b.IsCSharp && (readme != "README.md" || b.IsMarkedCompiled));

    private static (MarkdownBlock Block, MarkdownBlock Source, IReadOnlyList<MarkdownBlock> Files, MarkdownBlock? Output) Find(string id)
    {
        var separator = id.LastIndexOf(':');
        var file = id[..separator];
        var line = int.Parse(id[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var all = MarkdownBlocks.Read(file);
        var index = all.ToList().FindIndex(b => b.Line == line);
        var block = all[index];
        var (source, files) = Compose(block);
        var next = index + 1 < all.Count ? all[index + 1] : null;
        return (block, source, files, next is { Language: "text" } && next.Heading == block.Heading ? next : null);
    }

    /// <summary>What is compiled for a block: the block itself with the README's declaration-only blocks, or the block in its context.</summary>
    private static (MarkdownBlock Source, IReadOnlyList<MarkdownBlock> Files) Compose(MarkdownBlock block)
    {
        if (block.Context is not null)
            return ReadmeContexts.Compose(block, MarkdownBlocks.Read(block.File));
        var files = CompiledBlocks(block.File).Where(b => b.Line != block.Line && b.Context is null && !SnippetCompiler.IsProgram(b)).ToArray();
        return (block, files);
    }

    /// <summary>The code with its last reference to a name (a type, method, property or variable used) renamed to one that does not exist.</summary>
    private static string RenameLastReference(string code)
    {
        var name = CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>()
            .Last(n => n.Identifier.Text is not ("var" or "nameof" or "dynamic"));
        return code[..name.Span.Start] + name.Identifier.Text + "Renamed" + code[name.Span.End..];
    }

    /// <summary>Whether a block parses as C# statements or declarations without a syntax error.</summary>
    private static bool LooksLikeCSharp(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
        return root.Members.Count > 0 && !root.GetDiagnostics().Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    private static string Normalize(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
