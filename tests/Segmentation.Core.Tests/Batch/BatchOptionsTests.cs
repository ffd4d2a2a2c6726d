using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

/// <summary>Batch options are validated with one clear error listing every problem, never clamped.</summary>
public sealed class BatchOptionsTests
{
    private static readonly SegmentEngine<Customer> Engine = SegmentEngine.Compile(new WorkloadCatalog());

    private static readonly BatchOptions Broken = new()
    {
        MaxDegreeOfParallelism = 0,
        ChunkSize = 0,
        MaxChunksInFlight = -1,
        CancellationGracePeriod = TimeSpan.FromSeconds(-2),
        TimeProvider = null!,
    };

    public static TheoryData<string, Action> Entrances => new()
    {
        { "runner", () => _ = new BatchRunner<Customer>(Engine, Broken) },
        { "list", () => Engine.EvaluateBatch(WorkloadGenerator.Generate(3), Workload.AsOf, Broken) },
        { "matrix", () => Engine.EvaluateBatch(WorkloadGenerator.Generate(3), Workload.AsOf, new SegmentState[3 * Engine.MembershipIds.Count], Broken) },
    };

    [Theory]
    [MemberData(nameof(Entrances))]
    public void InvalidOptions_EveryEntrance_ThrowsOneErrorListingEveryProblem(string entrance, Action act)
    {
        var error = act.Should().Throw<ArgumentException>(entrance).Which;

        error.ParamName.Should().Be("options");
        error.Message.Should().StartWith("Invalid batch options: ")
            .And.Contain("MaxDegreeOfParallelism must be between 1 and 1024 (was 0)")
            .And.Contain("ChunkSize must be at least 1 or null for automatic (was 0)")
            .And.Contain("MaxChunksInFlight must be at least 1 or null for twice the parallelism (was -1)")
            .And.Contain("CancellationGracePeriod must be zero or more, or Timeout.InfiniteTimeSpan (was -00:00:02)")
            .And.Contain("TimeProvider must not be null");
    }

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
