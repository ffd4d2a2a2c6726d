using BenchmarkDotNet.Attributes;
using Segmentation.Core.Engine;
using Segmentation.NRules.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// The NRules backend (Segmentation.NRules) in the same class, so its ratios are to the same hand-written baseline:
/// a session per profile (the default) and reused sessions. NRules is two to three orders of magnitude slower than
/// the native engine, so each invocation evaluates the first <see cref="NRulesProfileCount"/> of the same customers;
/// times are still per profile.
/// </summary>
public partial class ProfileEvaluationBenchmarks
{
    /// <summary>The customers each NRules invocation evaluates: the first of the <see cref="ProfileCount"/>.</summary>
    public const int NRulesProfileCount = 100;

    /// <summary>The largest catalog the NRules rows are measured at.</summary>
    public const int MaxNRulesSegments = 212;

    private Customer[] nrulesCustomers = [];
    private NRulesSegmentEngine<Customer> nrulesPerProfile = null!;
    private NRulesSegmentEngine<Customer> nrulesReused = null!;

    [GlobalSetup(Targets = [nameof(NRulesSessionPerProfile), nameof(NRulesReusedSession)])]
    public void SetupNRules()
    {
        if (SegmentCount > MaxNRulesSegments)
        {
            throw new NotSupportedException($"The NRules backend is measured up to {MaxNRulesSegments} segments: at {SegmentCount} its compile and one invocation exceed a short run on the shared machine.");
        }

        nrulesCustomers = WorkloadGenerator.Generate(ProfileCount, seed: 42)[..NRulesProfileCount];
        specs = SyntheticCatalogSpec.Generate(SegmentCount - HandWrittenSegments.Count, seed: 7);
        var definition = new WorkloadCatalog(specs).Definition;
        var native = SegmentEngine.Compile(definition);
        nrulesPerProfile = NRulesSegmentEngine.Compile(native.RuleSet, new NRulesEngineOptions { SessionStrategy = SessionStrategy.SessionPerProfile });
        nrulesReused = NRulesSegmentEngine.Compile(native.RuleSet, new NRulesEngineOptions { SessionStrategy = SessionStrategy.ReusedSession });
        foreach (var customer in nrulesCustomers)
        {
            var expected = native.Evaluate(customer, asOf).ToString();
            foreach (var engine in new[] { nrulesPerProfile, nrulesReused })
            {
                var actual = engine.Evaluate(customer, asOf).ToString();
                if (actual != expected)
                {
                    throw new InvalidOperationException($"NRules backend disagrees with the native engine: {actual} vs {expected}");
                }
            }
        }
    }

    /// <summary>The NRules backend, a new session per profile.</summary>
    [Benchmark(OperationsPerInvoke = NRulesProfileCount)]
    public int NRulesSessionPerProfile() => EvaluateWithNRules(nrulesPerProfile);

    /// <summary>The NRules backend, pooled sessions reused after retracting the profile.</summary>
    [Benchmark(OperationsPerInvoke = NRulesProfileCount)]
    public int NRulesReusedSession() => EvaluateWithNRules(nrulesReused);

    private int EvaluateWithNRules(NRulesSegmentEngine<Customer> engine)
    {
        var members = 0;
        foreach (var customer in nrulesCustomers)
        {
            members += engine.Evaluate(customer, asOf).IsIn("vip-at-risk") ? 1 : 0;
        }

        return members;
    }
}
