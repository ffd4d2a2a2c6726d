using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

public sealed class InterpretedModeTests
{
    [Fact]
    public void Evaluate_PreferInterpretation_GivesSameResultsAsCompiled()
    {
        // Arrange
        var customers = WorkloadGenerator.Generate(2_000);
        var compiled = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = false });
        var interpreted = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = true });

        // Act
        var mismatches = customers
            .Where(c => !compiled.Evaluate(c, Workload.AsOf).Segments.SequenceEqual(interpreted.Evaluate(c, Workload.AsOf).Segments))
            .Select(c => c.Id)
            .ToList();

        // Assert
        interpreted.IsInterpreted.Should().BeTrue();
        compiled.IsInterpreted.Should().BeFalse();
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Explain_PreferInterpretation_GivesSameText()
    {
        var customer = WorkloadGenerator.Generate(50).First(c => c.Orders.Count >= 3);
        var compiled = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = false });
        var interpreted = SegmentEngine.Compile(new WorkloadCatalog(), new SegmentEngineOptions { PreferInterpretation = true });

        var expected = compiled.Explain(customer, "vip-at-risk", Workload.AsOf).ToString();
        var actual = interpreted.Explain(customer, "vip-at-risk", Workload.AsOf).ToString();

        actual.Should().Be(expected);
    }
}
