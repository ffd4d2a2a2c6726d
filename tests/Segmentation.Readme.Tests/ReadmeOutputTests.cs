using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Validation;

namespace Segmentation.Readme.Tests;

/// <summary>Outputs the repository README shows without a program that prints them: the engine gives exactly that text.</summary>
public sealed class ReadmeOutputTests
{
    [Fact]
    public void ValidationExample_IsTheMessageOfTheCatalogItDescribes()
    {
        var shown = MarkdownBlocks.Read("README.md").Single(b => b.Heading.StartsWith("Validation", StringComparison.Ordinal) && b.Language == "text");
        var catalog = SegmentCatalog.Create<Shopper>(
            s =>
            {
                var orders = s.Dated(c => c.Orders, o => o);
                s.Segment("churn-risk").When(orders.Count().Ever().AtLeast(3)).And(orders.None().InLast(-90));
                s.Segment("vip").When(s.InSegment("high-value"));
            },
            "retail");

        var thrown = FluentActions.Invoking(() => SegmentEngine.Compile(catalog)).Should().Throw<CatalogDefinitionException>().Which;

        thrown.Message.ReplaceLineEndings("\n").Trim().Should().Be(shown.Code.Trim());
    }

    private sealed record Shopper(List<DateTime> Orders);
}
