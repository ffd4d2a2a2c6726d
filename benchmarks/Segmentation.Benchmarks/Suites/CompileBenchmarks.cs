using BenchmarkDotNet.Attributes;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;
using Segmentation.Core.Validation;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// The cost of turning the reference catalog into an engine, by catalog size, split by stage: the full path a user pays
/// (<see cref="BuildValidateCompile"/>: run the DSL, validate, compile), from prebuilt definitions
/// (<see cref="ValidateCompile"/>), and from a validated rule set (<see cref="CompileOnly"/>). A catalog's definition is
/// built once and cached, so the full path constructs a new <see cref="WorkloadCatalog"/> every time.
/// </summary>
[MemoryDiagnoser]
public partial class CompileBenchmarks
{
    /// <summary>
    /// Every benchmark generates the engine's code before <c>Compile</c> returns, so it measures the whole compile and
    /// leaves no background work running into the next invocation; <see cref="TieringBenchmarks"/> measures the default
    /// (background) path.
    /// </summary>
    private static readonly SegmentEngineOptions Options = new() { CodeGeneration = CodeGeneration.BeforeReturn };

    private IReadOnlyList<SyntheticSegmentSpec> specs = [];
    private CatalogDefinition<Customer> definition = null!;
    private RuleSet<Customer> ruleSet = null!;

    /// <summary>The catalog size: the 12 reference segments plus <c>SegmentCount - 12</c> synthetic ones.</summary>
    [Params(12, 212, 1012)]
    public int SegmentCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        definition = new WorkloadCatalog(specs).Definition;
        ruleSet = RuleSet<Customer>.From(definition);
        var engine = SegmentEngine.Compile(ruleSet, Options);
        if (engine.MembershipIds.Count != SegmentCount)
        {
            throw new InvalidOperationException($"Expected {SegmentCount} segments, the engine has {engine.MembershipIds.Count}.");
        }
    }

    /// <summary>DSL → definitions → validation → compiled network: what <c>SegmentEngine.Compile(new WorkloadCatalog(...))</c> costs.</summary>
    [Benchmark(Baseline = true)]
    public SegmentEngine<Customer> BuildValidateCompile() => SegmentEngine.Compile(new WorkloadCatalog(specs), Options);

    /// <summary>Validation and compilation from prebuilt definitions.</summary>
    [Benchmark]
    public SegmentEngine<Customer> ValidateCompile() => SegmentEngine.Compile(definition, Options);

    /// <summary>Network building and expression compilation from a validated rule set.</summary>
    [Benchmark]
    public SegmentEngine<Customer> CompileOnly() => SegmentEngine.Compile(ruleSet, Options);

    /// <summary>
    /// One segment whose condition nests and/or as deep as the validation limit (CatalogLimits.MaxNestingDepth) (alternating, so nothing flattens), compiled from a
    /// validated rule set (built on first use): node building must stay near-linear in the depth. Independent of
    /// <see cref="SegmentCount"/>.
    /// </summary>
    [Benchmark]
    public SegmentEngine<Customer> DeeplyNestedCompileOnly() => SegmentEngine.Compile(deep ??= DeeplyNested(CatalogLimits.MaxNestingDepth), Options);

    private RuleSet<Customer>? deep;

    private static RuleSet<Customer> DeeplyNested(int depth)
    {
        ConditionDefinition condition = new PredicateCondition((System.Linq.Expressions.Expression<Func<Customer, bool>>)(c => c.NpsScore > 0));
        for (var i = 0; i < depth; i++)
        {
            var threshold = i;
            var leaf = new PredicateCondition((System.Linq.Expressions.Expression<Func<Customer, bool>>)(c => c.NpsScore > threshold));
            condition = i % 2 == 0 ? new AllCondition([condition, leaf]) : new AnyCondition([condition, leaf]);
        }

        return RuleSet<Customer>.From(new CatalogDefinition<Customer>([new SegmentDefinition("deep", "deep", [condition])], [], []));
    }
}
