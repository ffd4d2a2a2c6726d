using BenchmarkDotNet.Attributes;
using Segmentation.NRules;
using Segmentation.NRules.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>The NRules backend's compile cost in the same class: translation to NRules' RuleModel alone, and the full path.</summary>
public partial class CompileBenchmarks
{
    /// <summary>The general setup, refused above <see cref="ProfileEvaluationBenchmarks.MaxNRulesSegments"/> segments (NRules' compile takes minutes there).</summary>
    [GlobalSetup(Targets = [nameof(NRulesTranslate), nameof(NRulesBuildValidateCompile)])]
    public void SetupNRules()
    {
        if (SegmentCount > ProfileEvaluationBenchmarks.MaxNRulesSegments)
        {
            throw new NotSupportedException($"The NRules backend is measured up to {ProfileEvaluationBenchmarks.MaxNRulesSegments} segments.");
        }

        Setup();
    }

    /// <summary>Validated rule set → NRules rule definitions (RuleModel builders, leaf conditions compiled).</summary>
    [Benchmark]
    public NRulesSegmentRules<Customer> NRulesTranslate() => NRulesSegmentRules<Customer>.From(ruleSet);

    /// <summary>DSL → definitions → validation → NRules rule definitions → NRules' RuleCompiler → session factory.</summary>
    [Benchmark]
    public NRulesSegmentEngine<Customer> NRulesBuildValidateCompile() => NRulesSegmentEngine.Compile(new WorkloadCatalog(specs));
}
