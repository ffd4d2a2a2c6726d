using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

/// <summary>Batch options at their valid extremes, and copied when given (the invalid ones at every entrance: <see cref="BatchBehaviourTests"/>).</summary>
public sealed class BatchOptionsTests
{
    private static readonly SegmentEngine<Customer> Engine = SegmentEngine.Compile(new WorkloadCatalog());

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1024, 100_000, 1)]
    public void ValidExtremes_AreAccepted(int parallelism, int chunkSize, int inFlight)
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = parallelism, ChunkSize = chunkSize, MaxChunksInFlight = inFlight, CancellationGracePeriod = Timeout.InfiniteTimeSpan };
        var customers = WorkloadGenerator.Generate(100);

        var results = Engine.EvaluateBatch(customers, Workload.AsOf, options, new CancellationTokenSource().Token);

        results.Select(r => r.ProfileId).Should().Equal(customers.Select(c => c.Id));
    }

    [Fact]
    public async Task Runner_OptionsEditedAfterConstruction_AreNotSeen()
    {
        var options = new BatchOptions { ChunkSize = 7, MaxDegreeOfParallelism = 1 };
        var runner = new BatchRunner<Customer>(Engine, options);
        options.ChunkSize = 0;

        var summary = await runner.RunAsync(WorkloadGenerator.Generate(20), Workload.AsOf);

        summary.Profiles.Should().Be(20);
    }
}
