using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;

namespace Segmentation.Core.Tests.Properties;

/// <summary>
/// An engine caught in the middle of tiering up: compiled with code generation disabled and cut into small chunks, whose
/// generated code is then published a chunk at a time in a random order, between evaluations, as background generation would.
/// </summary>
internal sealed class TierSwitch<TProfile>
{
    private readonly int[] order;
    private readonly int[] uses;
    private readonly NetworkCompiler.CrossChunk shared;
    private int next;

    public TierSwitch(RuleSet<TProfile> ruleSet, int seed)
    {
        var random = new Random(seed);
        Engine = SegmentEngine.Compile(ruleSet, new SegmentEngineOptions
        {
            PreferInterpretation = false,
            CodeGeneration = CodeGeneration.Disabled,
            UnitsPerChunk = random.Next(1, 5),
            WeightPerChunk = random.Next(1, 30),
        });
        order = [.. Enumerable.Range(0, Engine.Tier.ChunkCount)];
        random.Shuffle(order);
        uses = NetworkCompiler.CountUses(Engine.Tier.Network);
        shared = NetworkCompiler.SharedAcrossChunks(Engine.Tier.Network, Engine.Tier.Starts);
    }

    public TierSwitch(CatalogDefinition<TProfile> catalog, int seed)
        : this(RuleSet<TProfile>.From(catalog), seed)
    {
    }

    public SegmentEngine<TProfile> Engine { get; }

    /// <summary>Whether every chunk has been published.</summary>
    public bool Done => next == order.Length;

    /// <summary>Generates and publishes the next chunk (no-op when all are published).</summary>
    public void PublishNext()
    {
        if (Done)
        {
            return;
        }

        var chunk = order[next++];
        var tier = Engine.Tier;
        tier.Publish(chunk, NetworkCompiler.CompileChunk(tier.Network, uses, tier.UnitsOf(chunk), shared));
    }

    /// <summary>A description for failure messages.</summary>
    public string Describe() => $"{Engine.Tier.GeneratedChunks} of {Engine.Tier.ChunkCount} chunks generated";
}
