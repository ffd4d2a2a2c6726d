using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Evaluate_SharedEngineOnFourThreads_MatchesSequentialResults()
    {
        // Arrange
        var customers = WorkloadGenerator.Generate(20_000);
        var engine = SegmentEngine.Compile(new WorkloadCatalog());
        var width = engine.MembershipIds.Count;
        var sequential = customers.Select(c => engine.Evaluate(c, Workload.AsOf).Segments.ToArray()).ToArray();
        var parallelResults = new string[customers.Length][];
        var parallelBuffers = new SegmentState[customers.Length * width];

        // Act
        Parallel.For(0, customers.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            parallelResults[i] = [.. engine.Evaluate(customers[i], Workload.AsOf).Segments];
            engine.Evaluate(customers[i], Workload.AsOf, parallelBuffers.AsSpan(i * width, width));
        });

        // Assert
        var mismatches = Enumerable.Range(0, customers.Length)
            .Where(i => !parallelResults[i].SequenceEqual(sequential[i])
                || !engine.MembershipIds.Where((_, j) => parallelBuffers[(i * width) + j] == SegmentState.In).SequenceEqual(sequential[i]))
            .Select(i => customers[i].Id)
            .ToList();
        mismatches.Should().BeEmpty();
        sequential.Sum(s => s.Length).Should().BeGreaterThan(customers.Length / 2);
    }
}
