using CsCheck;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Properties;

/// <summary>
/// Differential properties: the engine on each tier (generated code, with its loops collectible or tiered by the runtime, the node network with compiled delegates, the node
/// network with interpreted delegates, and every mix of them while an engine tiers up), through the result and buffer
/// APIs, against <see cref="ReferenceInterpreter{TProfile}"/>, at small sizes and above 100 units; and against itself over
/// permuted catalogs.
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

    /// <summary>Catalogs for the tier-switch property: each compiles every chunk separately, so it costs more per catalog.</summary>
    private const long MixedCatalogs = 200;

    /// <summary>Catalogs of more than 100 units: compiled on three tiers each.</summary>
    private const long LargeCatalogs = 10;

    [Fact]
    public void Evaluate_RandomCatalogsAndProfiles_AgreesWithReferenceInterpreter()
    {
        PropGen.Case.Sample(
            c =>
            {
                var catalog = c.Catalog.Build();
                var reference = new ReferenceInterpreter<PropProfile>(catalog);
                var compiled = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
                var interpreted = SegmentEngine.Compile(compiled.RuleSet, new SegmentEngineOptions { PreferInterpretation = true });
                var network = SegmentEngine.Compile(compiled.RuleSet, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.Disabled });
                var tiered = SegmentEngine.Compile(compiled.RuleSet, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process });
                if (!compiled.RunsGeneratedCode || network.RunsGeneratedCode || !tiered.RunsGeneratedCode)
                {
                    throw new PropertyMismatchException("the engines are not on the tiers the property means to compare");
                }

                if (tiered.Tier.Network.Collections.FirstOrDefault(s => !s.HasTieredLoop) is { } dynamic)
                {
                    throw new PropertyMismatchException($"the loop of {dynamic.Name} was not emitted into the tiered assembly: {dynamic.LoopNotEmittedBecause}");
                }

                foreach (var profile in c.Profiles)
                {
                    Differential.AgreesWithReference(compiled, reference, profile, c.AsOf);
                    Differential.AgreesWithReference(tiered, reference, profile, c.AsOf);
                    Differential.AgreesWithReference(interpreted, reference, profile, c.AsOf);
                    Differential.AgreesWithReference(network, reference, profile, c.AsOf);
                }
            },
            iter: Catalogs,
            print: PropGen.Print);
    }

    [Fact]
    public void Evaluate_DuringTheSwitchToGeneratedCode_AgreesWithReferenceInterpreter()
    {
        PropGen.Case.Sample(c => TieringAgrees(c), iter: MixedCatalogs, print: PropGen.Print);
    }

    /// <summary>
    /// The default lifetime with a threshold of one evaluation: the code is promoted to tiered methods on the
    /// code-generation threads while this thread goes on evaluating, and the engine agrees with the reference during the
    /// swap and after it.
    /// </summary>
    [Fact]
    public void Evaluate_WhileTheCodeIsPromoted_AgreesWithReferenceInterpreter()
    {
        PropGen.Case.Sample(
            c =>
            {
                var catalog = c.Catalog.Build();
                var reference = new ReferenceInterpreter<PropProfile>(catalog);
                var logger = new ListLogger();
                var engine = SegmentEngine.Compile(catalog, new SegmentEngineOptions
                {
                    PreferInterpretation = false,
                    CodeGeneration = CodeGeneration.BeforeReturn,
                    PromoteAfterEvaluations = 1,
                    PromotionBudget = new CodePromotionBudget(1),
                    Logger = logger,
                });
                foreach (var profile in c.Profiles)
                {
                    Differential.AgreesWithReference(engine, reference, profile, c.AsOf);
                }

                if (engine.Tier.Promotion is not { } promotion)
                {
                    return;
                }

                // Some code may stay dynamic methods (what the emitter declines, with the same answers), but the promotion must run
                // and not fail.
                if (!promotion.Completion.Wait(TimeSpan.FromSeconds(30)) || logger.Entries.Any(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning))
                {
                    throw new PropertyMismatchException($"the promotion did not finish cleanly: {string.Join("; ", logger.Entries.Select(e => e.Message))}");
                }

                foreach (var profile in c.Profiles)
                {
                    Differential.AgreesWithReference(engine, reference, profile, c.AsOf);
                }
            },
            iter: MixedCatalogs,
            print: PropGen.Print);
    }

    [Fact]
    public void Evaluate_CatalogsAbove100Units_AgreeWithReferenceOnEveryTier()
    {
        PropGen.LargeCase.Sample(
            c =>
            {
                var catalog = c.Catalog.Build();
                var reference = new ReferenceInterpreter<PropProfile>(catalog);
                var compiled = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.BeforeReturn });
                var network = SegmentEngine.Compile(compiled.RuleSet, new SegmentEngineOptions { PreferInterpretation = false, CodeGeneration = CodeGeneration.Disabled });
                if (!compiled.RunsGeneratedCode)
                {
                    throw new PropertyMismatchException($"a catalog of {compiled.MembershipIds.Count} memberships does not run generated code");
                }

                foreach (var profile in c.Profiles)
                {
                    Differential.AgreesWithReference(compiled, reference, profile, c.AsOf);
                    Differential.AgreesWithReference(network, reference, profile, c.AsOf);
                }

                TieringAgrees(c, reference);
            },
            iter: LargeCatalogs,
            print: PropGen.Print);
    }

    /// <summary>
    /// An engine tiering up chunk by chunk (random chunk sizes, random order) agrees with the reference before the first
    /// chunk is swapped in, after each swap, and once every chunk runs generated code.
    /// </summary>
    private static void TieringAgrees(PropCase c, ReferenceInterpreter<PropProfile>? reference = null)
    {
        var catalog = c.Catalog.Build();
        reference ??= new ReferenceInterpreter<PropProfile>(catalog);
        var tiers = new TierSwitch<PropProfile>(catalog, c.PermutationSeed);
        var perStep = Math.Max(1, tiers.Engine.Tier.ChunkCount / c.Profiles.Length);
        foreach (var profile in c.Profiles)
        {
            Differential.AgreesWithReference(tiers.Engine, reference, profile, c.AsOf);
            for (var i = 0; i < perStep; i++)
            {
                tiers.PublishNext();
            }
        }

        while (!tiers.Done)
        {
            tiers.PublishNext();
        }

        if (!tiers.Engine.RunsGeneratedCode)
        {
            throw new PropertyMismatchException($"every chunk was published but the engine does not run generated code ({tiers.Describe()})");
        }

        foreach (var profile in c.Profiles)
        {
            Differential.AgreesWithReference(tiers.Engine, reference, profile, c.AsOf);
        }
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
