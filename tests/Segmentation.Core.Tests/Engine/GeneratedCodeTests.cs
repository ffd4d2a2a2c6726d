using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.ReferenceWorkload;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// The generated straight-line code is the optimistic path: it must be taken for profiles without faults, and any
/// exception must hand the profile to the node network, which reports the fault exactly.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void Evaluate_ReferenceWorkload_RunsGeneratedCodeWithoutFallingBack()
    {
        // Arrange
        var customers = WorkloadGenerator.Generate(3_000);
        var engine = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
        var buffer = new SegmentState[engine.MembershipIds.Count];
        var expected = new bool[HandWrittenSegments.Count];

        // Act
        var mismatches = 0;
        foreach (var customer in customers)
        {
            engine.Evaluate(customer, Workload.AsOf, buffer);
            HandWrittenSegments.Evaluate(customer, Workload.AsOf, expected);
            for (var i = 0; i < expected.Length; i++)
            {
                mismatches += (buffer[engine.IndexOf(HandWrittenSegments.Ids[i])] == SegmentState.In) == expected[i] ? 0 : 1;
            }
        }

        // Assert
        engine.IsCompiledToCode.Should().BeTrue();
        engine.CompiledFallbacks.Should().Be(0);
        mismatches.Should().Be(0);
    }

    [Fact]
    public void Evaluate_ThrowingCondition_FallsBackAndReportsTheFault()
    {
        // Arrange
        var engine = Compile(s =>
        {
            s.Segment("boom").When(p => p.City!.Length > 3);
            s.Segment("fine").When(p => p.Nps == 9);
            s.Segment("either").When(s.Where(p => p.Nps == 9) | s.Where(p => p.City!.Length > 3));
        }, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
        var faulty = new Person { Id = "bad", City = null, Nps = 9 };
        var healthy = new Person { Id = "ok", City = "Lisbon", Nps = 9 };

        // Act
        var bad = engine.Evaluate(faulty, AsOf);
        var fallbacksAfterBad = engine.CompiledFallbacks;
        var good = engine.Evaluate(healthy, AsOf);

        // Assert
        engine.IsCompiledToCode.Should().BeTrue();
        fallbacksAfterBad.Should().Be(1);
        engine.CompiledFallbacks.Should().Be(1);
        bad.IsFaulted("boom").Should().BeTrue();
        bad.IsIn("fine").Should().BeTrue();
        bad.IsIn("either").Should().BeTrue();
        bad.Faults.Should().ContainSingle().Which.SegmentId.Should().Be("boom");
        good.Segments.Should().BeEquivalentTo("boom", "fine", "either");
        good.HasFaults.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_GroupsScoresAndReferences_SameAsNodeNetwork()
    {
        // Arrange
        var catalog = SegmentCatalog.Create<Person>(s =>
        {
            s.Segment("promoter").When(p => p.Nps >= 9);
            s.Segment("not-promoter").When(s.NotInSegment("promoter"));
            s.Segment("big").When(s.Value(p => p.Nps).Between(3.5m, 8.5m));
            s.Group("tier", "Tier")
                .Member("gold", s.Value(p => p.Nps).AtLeast(8.5m))
                .Member("silver", s.Value(p => p.Nps).GreaterThan(4.5m))
                .Otherwise("bronze");
            s.Score("engagement", "Engagement").Add(2.5m, s.InSegment("promoter")).Add(1m, s.Value(p => p.Nps).NotEqualTo(5.5m));
            s.Segment("engaged").When(s.ScoreOf("engagement").AtLeast(3m));
            s.Segment("silver-engaged").When(s.InSegment("silver") & s.ScoreOf("engagement").LessThan(3.5m));
        });
        var compiled = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
        var nodes = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = true });
        var people = Enumerable.Range(-1, 13).Select(n => new Person { Id = $"p{n}", Nps = n < 0 ? null : n }).ToList();

        // Act
        var differences = people
            .Select(p => (Compiled: compiled.Evaluate(p, AsOf), Nodes: nodes.Evaluate(p, AsOf)))
            .Where(r => !r.Compiled.Segments.SequenceEqual(r.Nodes.Segments) || r.Compiled.Score("engagement") != r.Nodes.Score("engagement"))
            .ToList();

        // Assert
        compiled.IsCompiledToCode.Should().BeTrue();
        compiled.CompiledFallbacks.Should().Be(0);
        differences.Should().BeEmpty();
    }
}
