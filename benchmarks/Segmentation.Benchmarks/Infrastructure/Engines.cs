using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Infrastructure;

/// <summary>Engines of the reference workload on a chosen tier, ready to measure.</summary>
public static class Engines
{
    /// <summary>
    /// Compiles the catalog with its generated code in place (before returning), at every size (lifting
    /// <see cref="SegmentEngineOptions.CodeGenerationMaxUnits"/> so the generated tier is measured even where the engine
    /// would by default stay on the network), and checks the whole catalog runs it. <paramref name="lifetime"/>: whether the
    /// code is dynamic methods, methods the runtime tiers up, or the default's dynamic methods promoted to those once the
    /// engine is busy (<see cref="SegmentEngineOptions.CodeLifetime"/>).
    /// </summary>
    public static SegmentEngine<Customer> Generated(IReadOnlyList<SyntheticSegmentSpec> specs, GeneratedCodeLifetime lifetime = GeneratedCodeLifetime.Automatic)
    {
        var engine = SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions
        {
            CodeGeneration = CodeGeneration.BeforeReturn,
            CodeGenerationBudget = TimeSpan.FromMinutes(10),
            CodeGenerationMaxUnits = int.MaxValue,
            CodeLifetime = lifetime,
        });
        if (!engine.RunsGeneratedCode)
        {
            throw new InvalidOperationException($"The engine of {engine.MembershipIds.Count} segments does not run generated code.");
        }

        return engine;
    }

    /// <summary>Compiles the catalog to run on the shared-node network only (<see cref="CodeGeneration.Disabled"/>).</summary>
    public static SegmentEngine<Customer> Network(IReadOnlyList<SyntheticSegmentSpec> specs) =>
        SegmentEngine.Compile(new WorkloadCatalog(specs), new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled });
}
