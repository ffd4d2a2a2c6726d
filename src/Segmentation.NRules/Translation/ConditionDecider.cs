using Segmentation.Core.Model;
using Segmentation.NRules.Facts;

namespace Segmentation.NRules.Translation;

/// <summary>
/// Decides one rule's conditions for one profile from the facts NRules joined to it: the outcomes of its leaf conditions
/// (a missing outcome is a condition that threw), the memberships it references and the scores it compares. Kleene
/// logic: in an <c>and</c> false wins over a fault and a fault over true; in an <c>or</c> true wins; <c>not</c> keeps a fault.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
internal sealed class ConditionDecider<TProfile>
{
    private readonly IReadOnlyList<ConditionDefinition> conditions;
    private readonly IReadOnlyDictionary<ConditionDefinition, Leaf<TProfile>> leaves;

    public ConditionDecider(IReadOnlyList<ConditionDefinition> conditions, IReadOnlyDictionary<ConditionDefinition, Leaf<TProfile>> leaves)
    {
        this.conditions = conditions;
        this.leaves = leaves;
    }

    public Verdict Decide(
        ConditionOutcomes<TProfile> outcomes,
        IEnumerable<SegmentMembership<TProfile>> memberships,
        IEnumerable<SegmentScore<TProfile>> scores)
    {
        var facts = new Facts(outcomes, memberships, scores);
        return All(conditions, facts);
    }

    /// <summary>Decides one condition (of any rule) from the facts, for explanations.</summary>
    public Verdict DecideOne(
        ConditionDefinition condition,
        ConditionOutcomes<TProfile> outcomes,
        IEnumerable<SegmentMembership<TProfile>> memberships,
        IEnumerable<SegmentScore<TProfile>> scores) =>
        Decide(condition, new Facts(outcomes, memberships, scores));

    private Verdict All(IEnumerable<ConditionDefinition> operands, Facts facts)
    {
        Verdict? fault = null;
        foreach (var operand in operands)
        {
            var verdict = Decide(operand, facts);
            if (verdict.Value == Tri.False)
            {
                return Verdict.False;
            }

            if (verdict.Value == Tri.Fault)
            {
                fault ??= verdict;
            }
        }

        return fault ?? Verdict.True;
    }

    private Verdict Any(IEnumerable<ConditionDefinition> operands, Facts facts)
    {
        Verdict? fault = null;
        foreach (var operand in operands)
        {
            var verdict = Decide(operand, facts);
            if (verdict.Value == Tri.True)
            {
                return Verdict.True;
            }

            if (verdict.Value == Tri.Fault)
            {
                fault ??= verdict;
            }
        }

        return fault ?? Verdict.False;
    }

    private Verdict Decide(ConditionDefinition condition, Facts facts) => condition switch
    {
        AllCondition all => All(all.Conditions, facts),
        AnyCondition any => Any(any.Conditions, facts),
        NotCondition not => Decide(not.Condition, facts) switch
        {
            { Value: Tri.True } => Verdict.False,
            { Value: Tri.False } => Verdict.True,
            var fault => fault,
        },
        ReferenceCondition reference => Reference(reference, facts),
        ComparisonCondition { Source: ScoreSource score } comparison => Score(score.ScoreId, comparison.Comparison, facts),
        _ => Leaf(leaves[condition], facts),
    };

    private static Verdict Leaf(Leaf<TProfile> leaf, Facts facts) => facts.Outcomes.Holds(leaf.Index) switch
    {
        true => Verdict.True,
        false => Verdict.False,
        null => new Verdict(Tri.Fault, leaf.Text, facts.Outcomes.FaultOf(leaf.Index) ?? new InvalidOperationException($"The condition '{leaf.Text}' produced no outcome.")),
    };

    private static Verdict Reference(ReferenceCondition reference, Facts facts)
    {
        foreach (var membership in facts.Memberships)
        {
            if (membership.Id == reference.TargetId)
            {
                if (membership.Fault is { } fault)
                {
                    return Verdict.Through(fault);
                }

                return reference.Negated ? Verdict.False : Verdict.True;
            }
        }

        return reference.Negated ? Verdict.True : Verdict.False;
    }

    private static Verdict Score(string scoreId, Comparison comparison, Facts facts)
    {
        foreach (var score in facts.Scores)
        {
            if (score.Id == scoreId)
            {
                return score.Value is { } value
                    ? comparison.Matches(value) ? Verdict.True : Verdict.False
                    : Verdict.Through(score.Fault!);
            }
        }

        return new Verdict(Tri.Fault, $"score {scoreId}", new InvalidOperationException($"Score '{scoreId}' was not computed."));
    }

    private sealed record Facts(
        ConditionOutcomes<TProfile> Outcomes,
        IEnumerable<SegmentMembership<TProfile>> Memberships,
        IEnumerable<SegmentScore<TProfile>> Scores);
}
