using Segmentation.Core.Engine;
using Segmentation.Core.Validation;
using Segmentation.Core.Dsl;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Readme;

/// <summary>The README's validation example, executed (its snippets are compiled and run by tests/Segmentation.Readme.Tests).</summary>
public sealed class ReadmeQuickstartTests
{
    [Fact]
    public void Quickstart_InvalidCatalog_ListsEveryProblemWithItsPath()
    {
        var invalid = SegmentCatalog.Create<Customer>(s =>
        {
            var orders = s.Dated(c => c.Orders, o => o.At);
            s.Segment("churn-risk").When(orders.Count().Ever().AtLeast(3)).And(orders.None().InLast(-90));
            s.Segment("vip").When(s.InSegment("high-value"));
        }, "retail");

        var act = () => SegmentEngine.Compile(invalid);

        act.Should().Throw<CatalogDefinitionException>().Which.Message.Should().Be(
            """
            Catalog 'retail' is invalid (2 problems):
              segments[churn-risk].conditions[1].window: the window must be positive, got -90 days
              segments[vip].conditions[0]: references unknown segment 'high-value'
            """.ReplaceLineEndings().TrimEnd());
    }
}
