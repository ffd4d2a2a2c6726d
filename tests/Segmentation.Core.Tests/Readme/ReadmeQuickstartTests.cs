using Segmentation.Core.Engine;
using Segmentation.Core.Validation;
using Segmentation.Core.Dsl;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Readme;

/// <summary>Every claim of the README's quickstart, executed.</summary>
public sealed class ReadmeQuickstartTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static Customer Customer() => new()
    {
        Id = "c-42",
        BirthDate = new DateTime(1990, 3, 14, 0, 0, 0, DateTimeKind.Utc),
        City = "Lisbon",
        Orders =
        [
            new Order { At = new DateTime(2026, 6, 2, 10, 0, 0, DateTimeKind.Utc), Amount = 240m, Category = "outdoor" },
            new Order { At = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Utc), Amount = 400m, Category = "books" },
            new Order { At = new DateTime(2025, 12, 1, 10, 0, 0, DateTimeKind.Utc), Amount = 90m, Category = "home" },
        ],
        Events = [new Event { At = new DateTime(2026, 10, 28, 9, 0, 0, DateTimeKind.Utc), Type = "EmailClick" }],
    };

    [Fact]
    public void Quickstart_EvaluateAndExplain_ProducesTheReadmeOutput()
    {
        var engine = SegmentEngine.Compile(new RetailSegments());

        var result = engine.Evaluate(Customer(), AsOf);

        result.IsIn("churn-risk").Should().BeTrue();
        result.IsIn("vip-at-risk").Should().BeFalse();
        result.MemberOf("journey-stage").Should().Be("post-purchase");
        result.Score("engagement").Should().Be(0);
        result.Tier("engagement").Should().Be("inactive");
        engine.Explain(Customer(), "vip-at-risk", AsOf).ToString().Should().Be(
            """
            vip-at-risk: no
              in high-value: no
                sum(orders.Amount) in last 365 days = 730, needs >= 1000: no
              in churn-risk: yes
                count(orders) ever = 3, needs >= 3: yes
                count(orders) in last 90 days = 0, needs = 0: yes
            """.ReplaceLineEndings());
    }

    [Fact]
    public void RuleSet_ToString_PrintsTheReadmeLines()
    {
        var text = SegmentEngine.Compile(new RetailSegments()).RuleSet.ToString();

        text.Should().Contain("[0] churn-risk: count(orders) ever >= 3 and count(orders) in last 90 days = 0 => member of churn-risk");
        text.Should().Contain("[1] vip-at-risk: in high-value and in churn-risk => member of vip-at-risk");
    }

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
