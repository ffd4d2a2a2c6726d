using CsCheck;
using Xunit.Abstractions;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Properties;
using Segmentation.NRules.Engine;

namespace Segmentation.NRules.Tests.Properties;

/// <summary>
/// Differential properties of the NRules backend: random catalogs (the core tests' generators: every aggregate kind and
/// window, as-of lambdas, throwing lambdas, references in any order, groups, scores) × random profiles on window edges,
/// the NRules engine against the reference interpreter and the native engine, faults included.
/// </summary>
/// <remarks>
/// Each catalog is checked against <see cref="PropGen.ProfilesPerCase"/> profiles, so cases = catalogs × 10. The normal
/// run checks <see cref="Catalogs"/> catalogs; set <c>CsCheck_Iter</c> for a longer run (1,000 catalogs = 10,000
/// cases). On failure CsCheck prints the smallest case and <c>Set seed: "…" to reproduce</c>; pass it as <c>seed:</c>
/// to <c>Sample</c> or set <c>CsCheck_Seed</c>.
/// </remarks>
public sealed class NRulesBackendProperties(ITestOutputHelper output)
{
    /// <summary>Catalogs per normal run (× 10 profiles each); the environment variable <c>CsCheck_Iter</c> overrides it.</summary>
    private static readonly long Catalogs = long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var iter) ? iter : 20;

    [Fact]
    public void Evaluate_RandomCatalogsAndProfiles_AgreesWithReferenceAndNative()
    {
        var cases = 0L;
        PropGen.Case.Sample(
            c =>
            {
                var catalog = c.Catalog.Build();
                var reference = new ReferenceInterpreter<PropProfile>(catalog);
                var native = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = true });
                var nrules = NRulesSegmentEngine.Compile(native.RuleSet);
                foreach (var profile in c.Profiles)
                {
                    BackendDifferential.AgreesWithReference(nrules, reference, profile, c.AsOf);
                    BackendDifferential.AgreesWithNative(nrules, native, profile, c.AsOf);
                    Interlocked.Increment(ref cases);
                }
            },
            iter: Catalogs,
            print: PropGen.Print);
        output.WriteLine($"{Interlocked.Read(ref cases)} cases (catalog × profile) agreed with the reference interpreter and the native engine.");
    }

    [Fact]
    public void Evaluate_PermutedCatalogs_SameDecisionsAsNative()
    {
        PropGen.Case.Sample(
            c =>
            {
                var catalog = CatalogPermutation.Permute(c.Catalog.Build(), c.PermutationSeed);
                var native = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = true });
                var nrules = NRulesSegmentEngine.Compile(native.RuleSet, new NRulesEngineOptions { SessionStrategy = SessionStrategy.ReusedSession });
                foreach (var profile in c.Profiles)
                {
                    BackendDifferential.AgreesWithNative(nrules, native, profile, c.AsOf);
                }
            },
            iter: Catalogs / 2,
            print: PropGen.Print);
    }
}
