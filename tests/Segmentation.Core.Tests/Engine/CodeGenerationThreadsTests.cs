using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Background code generation runs on the process's own code-generation threads, never on the thread pool, so that
/// compiling many engines cannot delay the application's tasks; a failure in queued work faults its task.
/// </summary>
public sealed class CodeGenerationThreadsTests
{
    [Fact]
    public async Task Run_QueuedWork_RunsOnACodeGenerationThreadOffThePool()
    {
        string? name = null;
        var onPool = true;

        await CodeGenerationThreads.Run(() =>
        {
            name = Thread.CurrentThread.Name;
            onPool = Thread.CurrentThread.IsThreadPoolThread;
        });

        name.Should().StartWith("Segmentation code generation");
        onPool.Should().BeFalse();
        Thread.CurrentThread.Name.Should().NotBe(name);
    }

    [Fact]
    public async Task Run_WorkThatThrows_FaultsItsTaskAndTheThreadsGoOn()
    {
        var failed = CodeGenerationThreads.Run(() => throw new InvalidOperationException("boom"));

        await failed.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>().WithMessage("boom");
        var ran = false;
        await CodeGenerationThreads.Run(() => ran = true);
        ran.Should().BeTrue();
    }

    [Fact]
    public async Task Compile_ManyEnginesInTheBackground_EveryOneTiersUpOnTheSharedThreads()
    {
        // Arrange: twenty engines queue their code generation at once.
        var engines = Enumerable.Range(0, 20)
            .Select(i => SegmentEngine.Compile(new WorkloadCatalog(SyntheticCatalogSpec.Generate(30, seed: i)), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Background }))
            .ToArray();

        // Act
        var generated = await Task.WhenAll(engines.Select(e => e.CodeGenerated)).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        generated.Should().OnlyContain(g => g);
        engines.Should().OnlyContain(e => e.RunsGeneratedCode);
    }
}
