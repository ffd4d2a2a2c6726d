using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.NRules.Engine;

namespace Segmentation.NRules.Tests.Engine;

/// <summary>Catalogs and profile types at the edge of what the NRules backend can translate: same answers, or a clear refusal.</summary>
public sealed class EdgeCatalogTests
{
    public readonly record struct ValueProfile(int Nps);

    [Theory]
    [InlineData("conditions")]
    [InlineData("promoter/c0")]
    [InlineData("engaged#0")]
    public void Compile_IdEqualToAGeneratedRuleName_GivesTheNativeAnswers(string id)
    {
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                s.Segment("promoter").When(s.Value(p => p.Nps!.Value).AtLeast(9));
                s.Segment(id).When(s.InSegment("promoter")).And(p => p.City == "Oslo");
                s.Score("engaged").Add(10, s.InSegment(id)).Add(5, s.Dated(p => p.Facts, f => f.At).Any().Ever());
            },
            "names");
        var native = SegmentEngine.Compile(catalog);
        var nrules = NRulesSegmentEngine.Compile(catalog);
        var people = new[] { new Person { Nps = 10 }, new Person { Nps = 10, City = "Bergen" }, new Person { Nps = 3 } };

        foreach (var person in people)
        {
            var expected = native.Evaluate(person, Scenario.AsOf);
            var actual = nrules.Evaluate(person, Scenario.AsOf);
            actual.Segments.Should().Equal(expected.Segments);
            actual.Score("engaged").Should().Be(expected.Score("engaged"));
        }

        nrules.Rules.Rules.Select(r => r.Name).Should().OnlyHaveUniqueItems().And.Contain(id, "a segment's rule keeps its id as its name");
    }

    [Fact]
    public void Compile_ValueTypeProfile_IsRefusedWithAClearMessage()
    {
        var catalog = SegmentCatalog.Create<ValueProfile>(s => s.Segment("promoter").When(s.Value(p => p.Nps).AtLeast(9)), "structs");

        var act = () => NRulesSegmentEngine.Compile(catalog);

        act.Should().Throw<NRulesCompilationException>().WithMessage("The NRules backend needs a reference-type profile; 'ValueProfile' is a value type*");
        SegmentEngine.Compile(catalog).Evaluate(new ValueProfile(9), Scenario.AsOf).IsIn("promoter").Should().BeTrue("the native engine takes value types");
    }

    [Fact]
    public void Compile_ObjectProfile_IsRefusedInsteadOfMatchingTheBackendsOwnFacts()
    {
        var catalog = SegmentCatalog.Create<object>(
            s =>
            {
                s.Segment("any").When(s.Where(o => o != null));
                s.Score("count").Add(1, s.Where(o => o != null));
            },
            "objects");

        var act = () => NRulesSegmentEngine.Compile(catalog);

        act.Should().Throw<NRulesCompilationException>().WithMessage("The NRules backend cannot use 'Object' as the profile type*");
    }

    [Fact]
    public void UseNRules_ClockSetByConfigureEngine_IsTheNRulesEnginesClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSegmentation(b => b
            .AddCatalog(SegmentCatalog.Create<Person>(s => s.Segment("recent").When(s.Dated(p => p.Facts, f => f.At).Any().InLast(30)), "clock"))
            .ConfigureEngine(o => o.TimeProvider = clock)
            .UseNRules<Person>());
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ISegmentEngine<Person>>();
        var person = Scenario.With(new Fact(new DateTime(2020, 1, 10, 0, 0, 0, DateTimeKind.Utc)));

        engine.Should().BeOfType<NRulesSegmentEngine<Person>>();
        var result = engine.Evaluate(person);

        result.AsOf.Should().Be(clock.GetUtcNow());
        result.IsIn("recent").Should().BeTrue();
        provider.GetRequiredService<SegmentEngine<Person>>().Evaluate(person).Segments.Should().Equal(result.Segments);
    }

    [Fact]
    public void Explain_ReferenceChainDeeperThanTheStackAllows_ExplainsEveryLink()
    {
        const int Length = 300;
        var engine = NRulesSegmentEngine.Compile(SegmentCatalog.Create<Person>(
            s =>
            {
                s.Segment("s0").When(s.Value(p => p.Nps!.Value).AtLeast(9));
                for (var i = 1; i < Length; i++)
                {
                    s.Segment($"s{i}").When(s.InSegment($"s{i - 1}"));
                }
            },
            "chain"));
        var person = new Person { Nps = 10 };
        Explanation? explanation = null;

        // 256 KB is far less than this chain's walk needs on one stack.
        var thread = new Thread(() => explanation = engine.Explain(person, $"s{Length - 1}", Scenario.AsOf), 256 * 1024);
        thread.Start();
        thread.Join();

        explanation.Should().NotBeNull();
        explanation!.Outcome.Should().Be(ExplanationOutcome.Yes);
        var node = explanation;
        var depth = 0;
        while (node.Children.Count > 0)
        {
            node = node.Children.Single();
            depth++;
        }

        depth.Should().Be(Length);
        node.Line.Should().Be("p.Nps.Value >= 9: yes");
    }
}
