using CsCheck;
using Segmentation.Core.Engine;

namespace Segmentation.Core.Tests.Properties;

/// <summary>
/// Differential properties: the compiled network (compiled and interpreted delegates, result and buffer APIs) against
/// <see cref="ReferenceInterpreter{TProfile}"/>, and against itself over permuted catalogs.
/// </summary>
/// <remarks>
/// On failure CsCheck shrinks the case and throws with the smallest one it found and a line <c>Set seed: "…" to reproduce</c>.
/// To replay, pass that value as <c>seed: "…"</c> to the <c>Sample</c> call of the failing property (or set the
/// environment variable <c>CsCheck_Seed</c>), then shrink the printed case into a [Fact] in <c>Regressions.cs</c>.
/// <c>CsCheck_Iter</c> overrides the iteration count for a longer soak run.
/// </remarks>
public sealed class EngineProperties
{
    /// <summary>Catalogs per property run; each is checked against <see cref="PropGen.ProfilesPerCase"/> profiles.</summary>
    private const long Catalogs = 1_000;

    [Fact]
    public void Evaluate_RandomCatalogsAndProfiles_AgreesWithReferenceInterpreter()
    {
        PropGen.Case.Sample(
            c =>
            {
                var catalog = c.Catalog.Build();
                var reference = new ReferenceInterpreter<PropProfile>(catalog);
                var compiled = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false });
                var interpreted = SegmentEngine.Compile(compiled.RuleSet, new SegmentEngineOptions { PreferInterpretation = true });
                foreach (var profile in c.Profiles)
                {
                    Differential.AgreesWithReference(compiled, reference, profile, c.AsOf);
                    Differential.AgreesWithReference(interpreted, reference, profile, c.AsOf);
                }
            },
            iter: Catalogs,
            print: PropGen.Print);
    }

    [Fact]
    public void Evaluate_PermutedSegmentsAndCommutedOperands_SameDecisions()
    {
        PropGen.Case.Sample(
            c =>
            {
                var catalog = c.Catalog.Build();
                // Sharing and order are decided when the network is built, not by the delegates: interpretation is enough and compiles faster.
                var options = new SegmentEngineOptions { PreferInterpretation = true };
                var engine = SegmentEngine.Compile(catalog, options);
                var permuted = SegmentEngine.Compile(CatalogPermutation.Permute(catalog, c.PermutationSeed), options);
                foreach (var profile in c.Profiles)
                {
                    Differential.Agree(engine, permuted, profile, c.AsOf);
                }
            },
            iter: Catalogs,
            print: PropGen.Print);
    }
}
