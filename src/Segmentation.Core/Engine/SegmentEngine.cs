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
    public static SegmentEngine<TProfile> Compile<TProfile>(RuleSet<TProfile> ruleSet, SegmentEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        options ??= new SegmentEngineOptions();
        var network = new NetworkBuilder<TProfile>(ruleSet, new LambdaCompiler(options.PreferInterpretation)).Build();
        return new SegmentEngine<TProfile>(ruleSet, network, options.TimeProvider, options.PreferInterpretation);
    }
}

/// <summary>
/// A compiled segmentation engine: immutable and safe to share across threads. Shared conditions are evaluated once per
/// profile, every aggregate over one collection is computed in one pass, and the buffer API allocates nothing.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed partial class SegmentEngine<TProfile> : ISegmentEngine<TProfile>
{
    private readonly Network<TProfile> network;
    private readonly TimeProvider timeProvider;

    internal SegmentEngine(RuleSet<TProfile> ruleSet, Network<TProfile> network, TimeProvider timeProvider, bool interpreted)
    {
        RuleSet = ruleSet;
        this.network = network;
        this.timeProvider = timeProvider;
        IsInterpreted = interpreted;
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

    /// <summary>Whether evaluation runs generated straight-line code (catalogs up to 100 units, when code can be generated).</summary>
    internal bool IsCompiledToCode => network.Compiled is not null;

    /// <summary>How many evaluations left the generated code for the node network because a condition threw.</summary>
    internal long CompiledFallbacks => network.Fallbacks;

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
        ArgumentNullException.ThrowIfNull(profile);
        var frame = Rent();
        try
        {
            frame.Reset(profile, asOf);
            network.Run(frame);
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
        ArgumentNullException.ThrowIfNull(profile);
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
            frame.Reset(profile, asOf);
            network.Run(frame);
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
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(segmentId);
        var frame = new Frame<TProfile>(network.Shape);
        frame.Reset(profile, asOf);
        network.RunNodes(frame);
        return new Explainer<TProfile>(network, frame, RuleSet.Definition).Explain(segmentId);
    }

    private Frame<TProfile> Rent() => FrameCache.Rent<TProfile>(network, network.Shape);

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
