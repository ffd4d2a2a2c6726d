using Segmentation.Core.Engine;

namespace Segmentation.Core.Tests.Support;

/// <summary>The ways an engine can run a catalog, by name, for tests that compare them.</summary>
public static class EngineTiers
{
    /// <summary>Expression trees interpreted (what NativeAOT runs).</summary>
    public const string Interpreted = "interpreted";

    /// <summary>The shared-node network, no straight-line code.</summary>
    public const string Network = "network";

    /// <summary>Straight-line code, generated before <c>Compile</c> returns.</summary>
    public const string Generated = "generated";

    /// <summary>Straight-line code with the collections' loops in the non-collectible assembly the runtime tiers up.</summary>
    public const string NonCollectible = "non-collectible";

    /// <summary>Every tier.</summary>
    public static IReadOnlyList<string> All { get; } = [Interpreted, Network, Generated, NonCollectible];

    /// <summary>The options that select <paramref name="tier"/>.</summary>
    public static SegmentEngineOptions Options(string tier) => tier switch
    {
        Interpreted => new SegmentEngineOptions { PreferInterpretation = true },
        Network => new SegmentEngineOptions { CodeGeneration = CodeGeneration.Disabled },
        Generated => new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn },
        NonCollectible => new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn, CodeLifetime = GeneratedCodeLifetime.Process },
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Not a tier."),
    };

    /// <summary>
    /// The bytes this thread allocates while <paramref name="evaluate"/> runs over every profile, in steady state: after
    /// warm-up passes (first calls compile, cache and tier up, which on a busy machine can take more than one pass)
    /// until one allocates nothing, at most <paramref name="maxWarmUps"/>. An evaluation that allocates per profile
    /// allocates in every pass, so the measured one shows it.
    /// </summary>
    public static long AllocatedPerPass<TProfile>(IReadOnlyList<TProfile> profiles, Action<TProfile> evaluate, int maxWarmUps = 20)
    {
        for (var pass = 0; pass < maxWarmUps && Pass(profiles, evaluate) > 0; pass++)
        {
        }

        return Pass(profiles, evaluate);
    }

    private static long Pass<TProfile>(IReadOnlyList<TProfile> profiles, Action<TProfile> evaluate)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        // By index: a foreach over the interface would allocate its enumerator inside the measurement.
        for (var i = 0; i < profiles.Count; i++)
        {
            evaluate(profiles[i]);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
