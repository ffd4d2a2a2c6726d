using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.NRules.Facts;
using Segmentation.NRules.Translation;

namespace Segmentation.NRules.Engine;

/// <summary>
/// Explains a profile's memberships from the facts of its NRules session: the same tree as the native engine's
/// explanation (segments, members, score terms, all of / any of / not, references expanded), each node's outcome taken
/// from the condition outcomes, memberships and scores the session asserted. Computed values of aggregates are not
/// facts of the session, so comparisons show their full text instead of value and requirement.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
internal sealed class NRulesExplainer<TProfile>
{
    /// <summary>The stack of a thread the walk continues on when the caller's runs low (see <see cref="Condition"/>).</summary>
    private const int FreshStackSize = 16 * 1024 * 1024;

    private readonly CatalogDefinition<TProfile> catalog;
    private readonly ConditionDecider<TProfile> decider;
    private readonly ConditionOutcomes<TProfile> outcomes;
    private readonly List<SegmentMembership<TProfile>> memberships;
    private readonly List<SegmentScore<TProfile>> scores;

    public NRulesExplainer(NRulesSegmentRules<TProfile> rules, IReadOnlyList<object> facts)
    {
        catalog = rules.Source.Definition;
        decider = new ConditionDecider<TProfile>([], rules.Leaves);
        outcomes = facts.OfType<ConditionOutcomes<TProfile>>().First();
        memberships = [.. facts.OfType<SegmentMembership<TProfile>>()];
        scores = [.. facts.OfType<SegmentScore<TProfile>>()];
    }

    public Explanation Explain(string id)
    {
        if (catalog.Segments.FirstOrDefault(s => s.Id == id) is { } segment)
        {
            return new Explanation(id, Membership(id), [.. segment.Conditions.Select(Condition)]);
        }

        foreach (var group in catalog.Groups)
        {
            if (group.Id == id)
            {
                return new Explanation(id, Membership(id), [.. group.Members.Select(Member)]);
            }

            if (group.Members.FirstOrDefault(m => m.Id == id) is { } member)
            {
                return Member(member);
            }
        }

        if (catalog.Scores.FirstOrDefault(s => s.Id == id) is { } score)
        {
            return Score(score);
        }

        throw new ArgumentException($"'{id}' is not a segment, group, group member or score of this catalog.", nameof(id));
    }

    private Explanation Member(GroupMemberDefinition member) =>
        member.IsFallback
            ? new Explanation(member.Id, Membership(member.Id)) { Value = "otherwise" }
            : new Explanation(member.Id, Membership(member.Id), [.. member.Conditions.Select(Condition)]);

    private Explanation Score(ScoreDefinition score)
    {
        var fact = scores.First(s => s.Id == score.Id);
        var terms = score.Terms.Select(t => new Explanation($"{Signed(t.Weight)} if", Outcome(Decide(t.Condition)), [Condition(t.Condition)])).ToArray();
        return new Explanation($"score {score.Id}", fact.Value is null ? ExplanationOutcome.Faulted : ExplanationOutcome.Yes, terms)
        {
            Value = fact.Value is { } value ? Format(value) + (fact.Tier is { } tier ? $" (tier {tier})" : string.Empty) : null,
            Exception = fact.Fault?.Exception,
        };
    }

    /// <summary>
    /// A condition's explanation. References make the walk as deep as the longest chain of segments referencing one
    /// another, which the catalog does not limit: when the thread's stack runs low, the walk goes on on a new thread with
    /// a fresh stack (as .NET's expression compiler does), so no chain can overflow it.
    /// </summary>
    private Explanation Condition(ConditionDefinition condition) =>
        RuntimeHelpers.TryEnsureSufficientExecutionStack() ? ConditionOnThisStack(condition) : OnFreshStack(() => ConditionOnThisStack(condition));

    private static Explanation OnFreshStack(Func<Explanation> explain)
    {
        Explanation? result = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = explain();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            FreshStackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }

    private Explanation ConditionOnThisStack(ConditionDefinition condition)
    {
        var verdict = Decide(condition);
        var outcome = Outcome(verdict);
        var exception = outcome == ExplanationOutcome.Faulted ? verdict.Exception : null;
        return condition switch
        {
            AllCondition all => new Explanation("all of", outcome, [.. all.Conditions.Select(Condition)]) { Exception = exception },
            AnyCondition any => new Explanation("any of", outcome, [.. any.Conditions.Select(Condition)]) { Exception = exception },
            NotCondition not => new Explanation("not", outcome, [Condition(not.Condition)]) { Exception = exception },
            ReferenceCondition reference => new Explanation(reference.Describe(), outcome, [.. Referenced(reference.TargetId)]),
            ComparisonCondition { Source: ScoreSource score } comparison => new Explanation(comparison.Source.Describe(), outcome)
            {
                Value = scores.First(s => s.Id == score.ScoreId).Value is { } value ? Format(value) : "(faulted)",
                Requirement = comparison.Comparison.ToString(),
                Exception = exception,
            },
            _ => new Explanation(condition.Describe(), outcome) { Exception = exception },
        };
    }

    private IEnumerable<Explanation> Referenced(string id)
    {
        var explained = Explain(id);
        return explained.Children.Count > 0 ? explained.Children : [explained];
    }

    private Verdict Decide(ConditionDefinition condition) => decider.DecideOne(condition, outcomes, memberships, scores);

    private ExplanationOutcome Membership(string id) => memberships.FirstOrDefault(m => m.Id == id) switch
    {
        null => ExplanationOutcome.No,
        { State: SegmentState.In } => ExplanationOutcome.Yes,
        _ => ExplanationOutcome.Faulted,
    };

    private static ExplanationOutcome Outcome(Verdict verdict) => verdict.Value switch
    {
        Tri.True => ExplanationOutcome.Yes,
        Tri.False => ExplanationOutcome.No,
        _ => ExplanationOutcome.Faulted,
    };

    private static string Signed(decimal weight) => weight >= 0 ? "+" + Format(weight) : Format(weight);

    private static string Format(decimal value) =>
        decimal.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);
}
