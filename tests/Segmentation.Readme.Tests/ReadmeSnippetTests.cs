using Segmentation.Core.Rules;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Segmentation.Readme.Tests;

/// <summary>
/// Every C# snippet a reader copies from a README compiles verbatim, as pasted into a new console app; a snippet followed by
/// a <c>text</c> block is run and must print exactly that. Compiled are every C# block of the package READMEs and the
/// repository README's blocks marked <c>&lt;!-- compiled --&gt;</c> (the quickstart among them). A program is compiled with
/// the declaration-only blocks of the same README, as the further files of the same project.
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
        var (block, files, expected) = Find(id);

        var (image, problems) = SnippetCompiler.Compile(block, files);

        problems.Should().BeEmpty($"the snippet at {block} must compile as pasted into a new console app");
        if (expected is not null)
            Normalize(SnippetCompiler.Run(image!)).Should().Be(Normalize(expected.Code), $"{block} is followed by its output");
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

        var shown = blocks.Single(b => b.Heading == "The rule set" && b.Info.Length == 0).Code.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ruleSet.Should().ContainAll(shown);
    }

    [Fact]
    public void TestingReadme_DecisionTableExample_PassesAgainstTheExampleCatalog()
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
            Console.WriteLine(table.Run(SegmentEngine.Compile(new MyCatalog()), CustomerRows.Map));
            """", null, "harness");

        var (image, problems) = SnippetCompiler.Compile(harness, types);

        problems.Should().BeEmpty();
        SnippetCompiler.Run(image!).Trim().Should().Be("Decision table 'segments.csv': all 2 rows passed.");
    }

    private static IEnumerable<MarkdownBlock> CompiledBlocks(string readme) =>
        MarkdownBlocks.Read(readme).Where(b => b.IsCSharp && (readme != "README.md" || b.Marker == "compiled"));

    private static (MarkdownBlock Block, IReadOnlyList<MarkdownBlock> Files, MarkdownBlock? Output) Find(string id)
    {
        var separator = id.LastIndexOf(':');
        var file = id[..separator];
        var line = int.Parse(id[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var all = MarkdownBlocks.Read(file);
        var index = all.ToList().FindIndex(b => b.Line == line);
        var block = all[index];
        var files = CompiledBlocks(file).Where(b => b.Line != line && !SnippetCompiler.IsProgram(b)).ToArray();
        var next = index + 1 < all.Count ? all[index + 1] : null;
        return (block, files, next is { Info: "text" } ? next : null);
    }

    private static string Normalize(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
