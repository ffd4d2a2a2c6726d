using System.Globalization;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>Builds an explanation tree from an evaluated frame, forcing every condition the tree shows.</summary>
internal sealed class Explainer<TProfile>(Network<TProfile> network, Frame<TProfile> frame, CatalogDefinition<TProfile> catalog)
{
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
        var slot = network.Slots.ScoreSlot[score.Id];
        var fault = frame.ScoreFaults[slot];
        var terms = score.Terms.Select(t => new Explanation($"{Signed(t.Weight)} if", Outcome(network.Condition(network.NodeOf[t.Condition].Index, frame)), [Condition(t.Condition)])).ToArray();
        return new Explanation($"score {score.Id}", fault is null ? ExplanationOutcome.Yes : ExplanationOutcome.Faulted, terms)
        {
            Value = fault is null ? Format(frame.Scores[slot]) + (SegmentationResult.TierOf(score.Tiers, frame.Scores[slot]) is { } tier ? $" (tier {tier})" : string.Empty) : null,
            Exception = fault?.Exception,
        };
    }

    private Explanation Condition(ConditionDefinition condition)
    {
        var node = network.NodeOf[condition];
        var outcome = Outcome(network.Condition(node.Index, frame));
        var exception = outcome == ExplanationOutcome.Faulted ? frame.ConditionFaults[node.Index]?.Exception : null;
        return condition switch
        {
            AllCondition all => new Explanation("all of", outcome, [.. all.Conditions.Select(Condition)]) { Exception = exception },
            AnyCondition any => new Explanation("any of", outcome, [.. any.Conditions.Select(Condition)]) { Exception = exception },
            NotCondition not => new Explanation("not", outcome, [Condition(not.Condition)]) { Exception = exception },
            ReferenceCondition reference => new Explanation(reference.Describe(), outcome, [.. Referenced(reference.TargetId)]),
            ComparisonCondition comparison => Compared(comparison, (ComparisonNode<TProfile>)node, outcome, exception),
            _ => new Explanation(condition.Describe(), outcome) { Exception = exception },
        };
    }

    private IEnumerable<Explanation> Referenced(string id)
    {
        var explained = Explain(id);
        return explained.Children.Count > 0 ? explained.Children : [explained];
    }

    private Explanation Compared(ComparisonCondition condition, ComparisonNode<TProfile> node, ExplanationOutcome outcome, Exception? exception)
    {
        var state = network.Value(node.Value.Index, frame);
        var value = state switch
        {
            ValueState.Present => Format(frame.Values[node.Value.Index]),
            ValueState.Absent => "(no value)",
            _ => "(faulted)",
        };
        return new Explanation(condition.Source.Describe(), outcome) { Value = value, Requirement = condition.Comparison.ToString(), Exception = exception };
    }

    private ExplanationOutcome Membership(string id) => frame.Memberships[network.Slots.MembershipSlot[id]] switch
    {
        SegmentState.In => ExplanationOutcome.Yes,
        SegmentState.Out => ExplanationOutcome.No,
        _ => ExplanationOutcome.Faulted,
    };

    private static ExplanationOutcome Outcome(ConditionState state) => state switch
    {
        ConditionState.True => ExplanationOutcome.Yes,
        ConditionState.False => ExplanationOutcome.No,
        _ => ExplanationOutcome.Faulted,
    };

    private static string Signed(decimal weight) => weight >= 0 ? "+" + Format(weight) : Format(weight);

    private static string Format(decimal value) =>
        decimal.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);
}
