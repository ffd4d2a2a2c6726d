using System.Collections.Concurrent;
using NRules;
using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using BatchOptions = Segmentation.Core.Batch.BatchOptions;
using Segmentation.Core.Rules;
using Segmentation.Core.Semantics;
using Segmentation.NRules.Facts;

namespace Segmentation.NRules.Engine;

/// <summary>
/// A segmentation engine that evaluates with NRules: each profile and its evaluation instant are inserted into an NRules
/// session compiled from the catalog's translated rules (and any of yours), the session fires, and the membership and
/// score facts it asserted become the result. Gives the same memberships, group choices, scores, tiers and faults as the
/// native engine. Immutable and safe to share across threads (each evaluation has its own session).
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed partial class NRulesSegmentEngine<TProfile> : ISegmentEngine<TProfile>
{
    private readonly TimeProvider timeProvider;
    private readonly SessionStrategy strategy;
    private readonly SegmentationResultLayout layout;
    private readonly Func<TProfile, string>? profileId;
    private readonly ConcurrentBag<ISession> pool = [];

    internal NRulesSegmentEngine(NRulesSegmentRules<TProfile> rules, ISessionFactory factory, NRulesEngineOptions options)
    {
        Rules = rules;
        SessionFactory = factory;
        timeProvider = options.TimeProvider;
        strategy = options.SessionStrategy;
        layout = SegmentationResultLayout.For(rules.Source.Definition);
        profileId = rules.Source.Definition.ProfileId is { } id ? ConditionSemantics.CompileLambda(id) : null;
    }

    /// <summary>The catalog's translated NRules rules.</summary>
    public NRulesSegmentRules<TProfile> Rules { get; }

    /// <summary>The NRules session factory (the catalog's rules and yours), with fault handling attached.</summary>
    public ISessionFactory SessionFactory { get; }

    /// <inheritdoc />
    public RuleSet<TProfile> RuleSet => Rules.Source;

    /// <inheritdoc />
    public IReadOnlyList<string> MembershipIds => layout.MembershipIds;

    /// <inheritdoc />
    public IReadOnlyList<string> ScoreIds => layout.ScoreIds;

    /// <inheritdoc />
    public int IndexOf(string segmentId)
    {
        var index = layout.MembershipIndexOf(segmentId);
        return index >= 0 ? index : throw new ArgumentException($"'{segmentId}' is not a segment, group or group member of this catalog.", nameof(segmentId));
    }

    /// <inheritdoc />
    public SegmentationResult Evaluate(TProfile profile) => Evaluate(profile, timeProvider.GetUtcNow());

    /// <inheritdoc />
    public SegmentationResult Evaluate(TProfile profile, DateTimeOffset asOf) => Run(profile, asOf, keepFacts: false).Result;

    /// <inheritdoc />
    public bool Evaluate(TProfile profile, DateTimeOffset asOf, Span<SegmentState> memberships, Span<decimal> scores = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (memberships.Length < layout.MembershipIds.Count)
        {
            throw new ArgumentException($"The membership buffer needs {layout.MembershipIds.Count} entries.", nameof(memberships));
        }

        if (!scores.IsEmpty && scores.Length < layout.ScoreIds.Count)
        {
            throw new ArgumentException($"The score buffer needs {layout.ScoreIds.Count} entries.", nameof(scores));
        }

        var result = Evaluate(profile, asOf);
        for (var i = 0; i < layout.MembershipIds.Count; i++)
        {
            memberships[i] = result.StateOf(layout.MembershipIds[i]);
        }

        if (!scores.IsEmpty)
        {
            for (var i = 0; i < layout.ScoreIds.Count; i++)
            {
                scores[i] = result.Score(layout.ScoreIds[i]) ?? 0m;
            }
        }

        return !result.HasFaults;
    }

    /// <summary>
    /// Evaluates a profile in an NRules session and returns the result with every fact the session held after firing,
    /// including those your own rules inserted.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The result and the session's facts.</returns>
    public NRulesEvaluation Run(TProfile profile, DateTimeOffset asOf) => Run(profile, asOf, keepFacts: true);

    /// <inheritdoc />
    public Explanation Explain(TProfile profile, string segmentId) => Explain(profile, segmentId, timeProvider.GetUtcNow());

    /// <inheritdoc />
    public Explanation Explain(TProfile profile, string segmentId, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(segmentId);
        var evaluation = Run(profile, asOf, keepFacts: true);
        return new NRulesExplainer<TProfile>(Rules, evaluation.Facts).Explain(segmentId);
    }

    /// <summary>
    /// Evaluates many profiles as of one instant, in parallel, one result per profile in input order, on Core's batch
    /// pipeline (<see cref="BatchRunner{TProfile}.Evaluate(IReadOnlyList{TProfile}, DateTimeOffset, CancellationToken)"/>):
    /// a profile that is <see langword="null"/> or whose evaluation throws comes back as a faulted result and the rest of
    /// the batch goes on.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="options">Parallelism, chunk size, fail-fast and the cancellation grace period; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the batch; it returns within <see cref="BatchOptions.CancellationGracePeriod"/> even when an evaluation does not stop.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentException">An option is invalid; every problem is listed.</exception>
    /// <exception cref="SegmentEvaluationException">A profile faulted and <see cref="BatchOptions.FailFast"/> is set.</exception>
    /// <exception cref="BatchCanceledException">The batch was cancelled; it names the profiles not evaluated.</exception>
    public SegmentationResult[] EvaluateBatch(IReadOnlyList<TProfile> profiles, DateTimeOffset asOf, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return new BatchRunner<TProfile>(this, options).Evaluate(profiles, asOf, cancellationToken);
    }

    /// <summary>
    /// Evaluates many profiles in parallel into a membership matrix, on Core's batch pipeline: row <c>i</c>
    /// (<see cref="MembershipIds"/> entries wide) receives profile <c>i</c>; a profile that is <see langword="null"/> or
    /// whose evaluation throws gets a row of <see cref="SegmentState.Faulted"/>.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <param name="options">Parallelism, chunk size and the cancellation grace period (fail-fast is ignored: check the returned count); <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the batch; it returns within <see cref="BatchOptions.CancellationGracePeriod"/> even when an evaluation does not stop.</param>
    /// <returns>The number of profiles that faulted.</returns>
    /// <exception cref="ArgumentException">An option is invalid, or the buffer is too small.</exception>
    /// <exception cref="BatchCanceledException">The batch was cancelled; it names the profiles not evaluated.</exception>
    public int EvaluateBatch(TProfile[] profiles, DateTimeOffset asOf, SegmentState[] memberships, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(memberships);
        return new BatchRunner<TProfile>(this, options).Evaluate(profiles, asOf, memberships, cancellationToken);
    }

    /// <summary>
    /// Evaluates many profiles on the calling thread into a membership matrix: row <c>i</c>
    /// (<see cref="MembershipIds"/> entries wide) receives profile <c>i</c>; a profile that is <see langword="null"/> or
    /// whose evaluation throws gets a row of <see cref="SegmentState.Faulted"/>.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <returns>The number of profiles that faulted.</returns>
    public int EvaluateBatch(ReadOnlySpan<TProfile> profiles, DateTimeOffset asOf, Span<SegmentState> memberships) =>
        new BatchRunner<TProfile>(this).Evaluate(profiles, asOf, memberships);

    private NRulesEvaluation Run(TProfile profile, DateTimeOffset asOf, bool keepFacts)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var session = strategy == SessionStrategy.ReusedSession && pool.TryTake(out var pooled) ? pooled : SessionFactory.CreateSession();
        Rules.Insert(session, profile, asOf);
        session.Fire();
        var memberships = session.Query<SegmentMembership<TProfile>>().AsEnumerable().Where(m => ReferenceEquals(m.Profile, profile)).ToList();
        var scores = session.Query<SegmentScore<TProfile>>().AsEnumerable().Where(s => ReferenceEquals(s.Profile, profile)).ToList();
        IReadOnlyList<object> facts = keepFacts ? [.. session.Query<object>().AsEnumerable()] : [];
        if (strategy == SessionStrategy.ReusedSession)
        {
            Recycle(session);
        }

        return new NRulesEvaluation(ResultOf(profile, asOf, memberships, scores), facts);
    }

    private void Recycle(ISession session)
    {
        // Retracting the inserted facts deletes the activations; their linked facts go with them on the next Fire.
        session.TryRetractAll(session.Query<object>().AsEnumerable().Where(f => f is TProfile or EvaluationInstant or ConditionOutcomes<TProfile>).ToList());
        session.Fire();
        var left = session.Query<object>().AsEnumerable().ToList();
        if (left.Count > 0)
        {
            session.TryRetractAll(left);
            session.Fire();
        }

        pool.Add(session);
    }

    private SegmentationResult ResultOf(TProfile profile, DateTimeOffset asOf, List<SegmentMembership<TProfile>> memberships, List<SegmentScore<TProfile>> scores)
    {
        var states = new SegmentState[layout.MembershipIds.Count];
        var faults = new SegmentFault?[states.Length];
        foreach (var membership in memberships)
        {
            var index = layout.MembershipIndexOf(membership.Id);
            states[index] = membership.State;
            faults[index] = membership.Fault;
        }

        var values = new decimal?[layout.ScoreIds.Count];
        var scoreFaults = new SegmentFault?[values.Length];
        foreach (var score in scores)
        {
            var index = layout.ScoreIndexOf(score.Id);
            values[index] = score.Value;
            scoreFaults[index] = score.Fault;
        }

        var groups = RuleSet.Definition.Groups;
        var choices = new int[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            choices[g] = -1;
            var members = groups[g].Members;
            for (var m = 0; m < members.Count; m++)
            {
                if (states[layout.MembershipIndexOf(members[m].Id)] == SegmentState.In)
                {
                    choices[g] = m;
                }
            }
        }

        IReadOnlyList<SegmentFault> found = [.. faults.Concat(scoreFaults).OfType<SegmentFault>()];
        return layout.Create(ProfileIdOf(profile), asOf, states, values, choices, found);
    }

    private string? ProfileIdOf(TProfile profile)
    {
        if (profileId is null)
        {
            return null;
        }

        try
        {
            return profileId(profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
