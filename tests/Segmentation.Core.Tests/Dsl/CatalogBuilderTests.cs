using Segmentation.Core.Dsl;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Dsl;

public sealed class CatalogBuilderTests
{
    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new CatalogBuilder<Person>();
        builder.Build();

        var act = () => builder.Build();

        act.Should().Throw<InvalidOperationException>().WithMessage("This catalog builder has already been built*");
    }

    [Fact]
    public void Segment_AfterBuild_Throws()
    {
        var builder = new CatalogBuilder<Person>();
        builder.Build();

        builder.Invoking(b => b.Segment("late")).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.Group("late")).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.Score("late")).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.IdentifiedBy(p => p.Id)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void SegmentBuilder_UsedAfterBuild_Throws()
    {
        var builder = new CatalogBuilder<Person>();
        var segment = builder.Segment("x").When(p => p.Nps > 1);
        var group = builder.Group("g").Member("m", builder.Where(p => p.Nps > 1));
        var score = builder.Score("s").Add(1, p => p.Nps > 1);
        var definition = builder.Build();

        segment.Invoking(b => b.And(p => p.Nps > 2)).Should().Throw<InvalidOperationException>();
        group.Invoking(b => b.Otherwise("rest")).Should().Throw<InvalidOperationException>();
        score.Invoking(b => b.Tiers(("low", 0))).Should().Throw<InvalidOperationException>();
        definition.Segments.Single().Conditions.Should().HaveCount(1);
        definition.Groups.Single().Members.Should().HaveCount(1);
        definition.Scores.Single().Tiers.Should().BeEmpty();
    }

    [Fact]
    public void Build_Definitions_CarryMetadataInOrder()
    {
        var builder = new CatalogBuilder<Person>("shop");
        builder.IdentifiedBy(p => p.Id);
        builder.Segment("b", "B").Describe("second").Tagged("t1", "t2").WithPriority(3).When(p => p.Nps > 1);
        builder.Segment("a").When(p => p.Nps > 1);

        var definition = builder.Build();

        definition.Name.Should().Be("shop");
        definition.ProfileId.Should().NotBeNull();
        definition.Segments.Select(s => s.Id).Should().Equal("b", "a");
        definition.Segments[0].Should().Match<SegmentDefinition>(s => s.Name == "B" && s.Description == "second" && s.Priority == 3 && s.Tags.SequenceEqual(new[] { "t1", "t2" }));
        definition.Segments[1].Name.Should().Be("a");
    }

    [Fact]
    public void SegmentCatalog_Definition_IsBuiltOnce()
    {
        var calls = 0;
        var catalog = SegmentCatalog.Create<Person>(s =>
        {
            calls++;
            s.Segment("x").When(p => p.Nps > 1);
        });

        var first = catalog.Definition;
        var second = catalog.Definition;

        first.Should().BeSameAs(second);
        calls.Should().Be(1);
        catalog.Name.Should().Be("catalog");
    }

    [Fact]
    public void Dated_WithoutName_UsesLowerCamelMemberName()
    {
        var builder = new CatalogBuilder<Person>();

        var facts = builder.Dated(p => p.Facts, f => f.At);
        var visits = builder.Dated(p => p.Visits, v => v.At);

        facts.Definition.Name.Should().Be("facts");
        visits.Definition.Name.Should().Be("visits");
    }
}
