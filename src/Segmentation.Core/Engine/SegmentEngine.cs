using Segmentation.Core.Dsl;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;

namespace Segmentation.Core.Engine;

/// <summary>Compiles catalogs into engines.</summary>
public static class SegmentEngine
{
    /// <summary>Validates and compiles a catalog.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="catalog">The catalog.</param>
    /// <param name="options">Options; the default uses <see cref="TimeProvider.System"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="Validation.CatalogDefinitionException">The catalog is invalid; every problem is listed with its path.</exception>
    public static SegmentEngine<TProfile> Compile<TProfile>(SegmentCatalog<TProfile> catalog, SegmentEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Compile(catalog.Definition, options);
    }

    /// <summary>Validates and compiles catalog definitions.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="definition">The definitions.</param>
    /// <param name="options">Options; the default uses <see cref="TimeProvider.System"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="Validation.CatalogDefinitionException">The catalog is invalid; every problem is listed with its path.</exception>
    public static SegmentEngine<TProfile> Compile<TProfile>(CatalogDefinition<TProfile> definition, SegmentEngineOptions? options = null) =>
        Compile(RuleSet<TProfile>.From(definition), options);

    /// <summary>Compiles a validated rule set.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="options">Options; the default uses <see cref="TimeProvider.System"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentException">An option is invalid (a null <see cref="SegmentEngineOptions.TimeProvider"/>, a negative budget); every problem is listed.</exception>
    public static SegmentEngine<TProfile> Compile<TProfile>(RuleSet<TProfile> ruleSet, SegmentEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        options ??= new SegmentEngineOptions();
        SegmentEngineOptionsValidator.ThrowIfInvalid(options, nameof(options));
        // With code generation on, even the collections' fused loops are generated with the code tier, off the path to
        // the first result; until then the network scans interpreted, with the same answers.
        var generate = !options.PreferInterpretation && options.CodeGeneration != CodeGeneration.Disabled;
        var network = new NetworkBuilder<TProfile>(ruleSet, new LambdaCompiler(options.PreferInterpretation, deferScanCode: generate, collectibleCode: options.CodeLifetime != GeneratedCodeLifetime.Process)).Build();
        var tier = new CodeTier<TProfile>(network, options.UnitsPerChunk, options.WeightPerChunk);
        var generateUnits = network.Units.Length <= options.CodeGenerationMaxUnits;
        var chunksEmittable = tier.ChunkCount <= NetworkCompiler.MaxEmittedChunks;
        if (generate && generateUnits && chunksEmittable && options.CodeLifetime == GeneratedCodeLifetime.Automatic)
        {
            // Promoted only where the whole engine can become tiered methods: the chunks of a large catalog stay dynamic
            // methods anyway, and its loops alone measured no faster tiered.
            tier.PromoteAfter(options.PromoteAfterEvaluations, options.PromotionBudget, options.Logger);
        }

        if (!generate)
        {
            // The loops were compiled with the network (code generation logs them otherwise).
            CodeTierCompiler<TProfile>.LogLoopsNotEmitted(network, options.Logger);
        }

        var generation = !generate
            ? Task.FromResult(false)
            : CodeTierCompiler<TProfile>.Generate(
                tier,
                generateUnits,
                emitChunks: chunksEmittable && options.CodeLifetime == GeneratedCodeLifetime.Process,
                options.CodeGenerationParallelism,
                options.CodeGenerationBudget,
                options.Logger,
                wait: options.CodeGeneration == CodeGeneration.BeforeReturn);
        return new SegmentEngine<TProfile>(ruleSet, tier, options.TimeProvider, options.PreferInterpretation, generation);
    }
}

/// <summary>
/// A compiled segmentation engine: immutable and safe to share across threads. Shared conditions are evaluated once per
/// profile, every aggregate over one collection is computed in one pass, and the buffer API allocates nothing.
/// </summary>
/// <remarks>
/// Evaluation is tiered: the engine answers on the shared-node network as soon as it is compiled, and swaps in generated
/// straight-line code chunk by chunk as <see cref="SegmentEngineOptions.CodeGeneration"/> produces it; results are the
/// same on either tier and during the swap.
/// </remarks>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed partial class SegmentEngine<TProfile> : ISegmentEngine<TProfile>
{
    private readonly Network<TProfile> network;
    private readonly CodeTier<TProfile> tier;
    private readonly TimeProvider timeProvider;

    internal SegmentEngine(RuleSet<TProfile> ruleSet, CodeTier<TProfile> tier, TimeProvider timeProvider, bool interpreted, Task<bool> codeGeneration)
    {
        RuleSet = ruleSet;
        this.tier = tier;
        network = tier.Network;
        this.timeProvider = timeProvider;
        IsInterpreted = interpreted;
        CodeGenerated = codeGeneration;
        ScoreIds = [.. network.Slots.Scores.Select(s => s.Id)];
    }

    /// <inheritdoc />
    public RuleSet<TProfile> RuleSet { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> MembershipIds => network.Slots.MembershipIds;

    /// <inheritdoc />
    public IReadOnlyList<string> ScoreIds { get; }

    /// <summary>Whether expression trees are interpreted rather than compiled to IL.</summary>
    public bool IsInterpreted { get; }

    /// <summary>The number of distinct condition nodes after sharing (for diagnostics and tests).</summary>
    public int ConditionNodeCount => network.Conditions.Length;

    /// <summary>The number of fused accumulators across all collections (for diagnostics and tests).</summary>
    public int AccumulatorCount => network.Shape.Accumulators;

    /// <summary>
    /// Whether every unit now runs generated straight-line code. With <see cref="CodeGeneration.Background"/> this turns
    /// <see langword="true"/> once background generation has finished (see <see cref="CodeGenerated"/>); until then the
    /// engine answers on the shared-node network, with the same results.
    /// </summary>
    public bool RunsGeneratedCode => tier.IsComplete;

    /// <summary>
    /// Completes when code generation has ended: <see langword="true"/> when every unit runs generated code,
    /// <see langword="false"/> when generation is disabled, failed or ran out of budget (the rest stays on the node network).
    /// </summary>
    public Task<bool> CodeGenerated { get; }

    /// <summary>Whether evaluation runs generated straight-line code for every unit.</summary>
    internal bool IsCompiledToCode => tier.IsComplete;

    /// <summary>How many evaluations left the generated code for the node network because something threw or faulted.</summary>
    internal long CompiledFallbacks => tier.Fallbacks;

    /// <summary>The execution tiers (for tests): chunks, which of them run generated code, and publishing more.</summary>
    internal CodeTier<TProfile> Tier => tier;

    /// <summary>The number of collection passes per fully evaluated profile: one per dated collection.</summary>
    public int CollectionCount => network.Collections.Length;

    /// <inheritdoc />
    public int IndexOf(string segmentId)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        return network.Slots.MembershipSlot.TryGetValue(segmentId, out var slot)
            ? slot
            : throw new ArgumentException($"'{segmentId}' is not a segment, group or group member of this catalog.", nameof(segmentId));
    }

    /// <inheritdoc />
    public SegmentationResult Evaluate(TProfile profile) => Evaluate(profile, timeProvider.GetUtcNow());

    /// <inheritdoc />
    public SegmentationResult Evaluate(TProfile profile, DateTimeOffset asOf)
    {
        ProfileArgument.ThrowIfNull(profile);
        var frame = Rent();
        try
        {
            frame.Reset(profile, asOf, nodeState: !tier.IsComplete);
            tier.Run(frame);
            return ResultOf(frame);
        }
        finally
        {
            Return(frame);
        }
    }

    /// <inheritdoc />
    public bool Evaluate(TProfile profile, DateTimeOffset asOf, Span<SegmentState> memberships, Span<decimal> scores = default)
    {
        ProfileArgument.ThrowIfNull(profile);
        var shape = network.Shape;
        if (memberships.Length < shape.Memberships)
        {
            throw new ArgumentException($"The membership buffer needs {shape.Memberships} entries.", nameof(memberships));
        }

        if (!scores.IsEmpty && scores.Length < shape.Scores)
        {
            throw new ArgumentException($"The score buffer needs {shape.Scores} entries.", nameof(scores));
        }

        var frame = Rent();
        try
        {
            frame.Reset(profile, asOf, nodeState: !tier.IsComplete);
            tier.Run(frame);
            frame.Memberships.CopyTo(memberships);
            if (!scores.IsEmpty)
            {
                frame.Scores.CopyTo(scores);
            }

            return !frame.HasDecisionFaults;
        }
        finally
        {
            Return(frame);
        }
    }

    /// <inheritdoc />
    public Explanation Explain(TProfile profile, string segmentId) => Explain(profile, segmentId, timeProvider.GetUtcNow());

    /// <inheritdoc />
    public Explanation Explain(TProfile profile, string segmentId, DateTimeOffset asOf)
    {
        ProfileArgument.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(segmentId);
        var frame = new Frame<TProfile>(network.Shape);
        frame.Reset(profile, asOf);
        network.RunNodes(frame);
        return new Explainer<TProfile>(network, frame, RuleSet.Definition).Explain(segmentId);
    }

    private Frame<TProfile> Rent() => FrameCache.Rent(network);

    private static void Return(Frame<TProfile> frame) => FrameCache.Return(frame);

    private SegmentationResult ResultOf(Frame<TProfile> frame)
    {
        var slots = network.Slots;
        var scoreFaulted = slots.Scores.Length == 0 ? [] : new bool[slots.Scores.Length];
        IReadOnlyList<SegmentFault> found = [];
        if (frame.HasFaults)
        {
            var faults = new List<SegmentFault>();
            found = faults;
            for (var i = 0; i < slots.MembershipIds.Length; i++)
            {
                if (frame.Memberships[i] == SegmentState.Faulted && frame.MembershipFaults[i] is { } fault)
                {
                    faults.Add(new SegmentFault(slots.MembershipIds[i], fault.Condition, fault.Exception, fault.CauseId));
                }
            }

            for (var i = 0; i < slots.Scores.Length; i++)
            {
                if (frame.ScoreFaults[i] is { } fault)
                {
                    scoreFaulted[i] = true;
                    faults.Add(new SegmentFault(slots.Scores[i].Id, fault.Condition, fault.Exception, fault.CauseId));
                }
            }
        }

        string? profileId = null;
        if (network.ProfileId is { } id)
        {
            try
            {
                profileId = id(frame.Profile);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                profileId = null;
            }
        }

        return new SegmentationResult(slots, profileId, frame.AsOf, [.. frame.Memberships], [.. frame.Scores], scoreFaulted, [.. frame.GroupChoice], found);
    }
}
