using System.Globalization;
using System.Runtime.CompilerServices;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Builds an explanation tree from an evaluated frame, forcing every condition the tree shows. The tree is built with an
/// explicit stack, not by recursion: a chain of references may be as long as the catalog (10,000 segments each referring
/// to the previous one explain to a tree 10,000 levels deep).
/// </summary>
internal sealed class Explainer<TProfile>(Network<TProfile> network, Frame<TProfile> frame, CatalogDefinition<TProfile> catalog)
{
    private static readonly ConditionalWeakTable<CatalogDefinition<TProfile>, Index> Indexes = [];

    private readonly Index index = Indexes.GetValue(catalog, static c => new Index(c));

    public Explanation Explain(string id)
    {
        var root = Expand(new Subject(id));
        var stack = new Stack<Step>();
        stack.Push(root);
        while (true)
        {
            var step = stack.Peek();
            if (step.Next < step.Children.Count)
            {
                stack.Push(Expand(step.Children[step.Next]));
                continue;
            }

            stack.Pop();
            var explanation = step.Build(step.Results);
            if (stack.Count == 0)
            {
                return explanation;
            }

            var parent = stack.Peek();
            parent.Results[parent.Next++] = explanation;
        }
    }

    private Step Expand(Request request) => request switch
    {
        Subject subject => ExpandSubject(subject.Id),
        Member member => ExpandMember(member.Definition),
        ScoreRequest score => ExpandScore(score.Definition),
        _ => ExpandCondition(((ConditionRequest)request).Condition),
    };

    private Step ExpandSubject(string id)
    {
        if (index.Segments.TryGetValue(id, out var segment))
        {
            var membership = Membership(id);
            return new Step(Conditions(segment.Conditions), children => new Explanation(id, membership, children));
        }

        if (index.Groups.TryGetValue(id, out var group))
        {
            var membership = Membership(id);
            return new Step([.. group.Members.Select(m => new Member(m))], children => new Explanation(id, membership, children));
        }

        if (index.Members.TryGetValue(id, out var member))
        {
            return ExpandMember(member);
        }

        if (index.Scores.TryGetValue(id, out var score))
        {
            return ExpandScore(score);
        }

        throw new ArgumentException($"'{id}' is not a segment, group, group member or score of this catalog.", nameof(id));
    }

    private Step ExpandMember(GroupMemberDefinition member)
    {
        var membership = Membership(member.Id);
        return member.IsFallback
            ? new Step([], _ => new Explanation(member.Id, membership) { Value = "otherwise" })
            : new Step(Conditions(member.Conditions), children => new Explanation(member.Id, membership, children));
    }

    private Step ExpandScore(ScoreDefinition score)
    {
        var slot = network.Slots.ScoreSlot[score.Id];
        var fault = frame.ScoreFaults[slot];
        var outcomes = score.Terms.Select(t => Outcome(network.Condition(network.NodeOf[t.Condition].Index, frame))).ToArray();
        return new Step(Conditions([.. score.Terms.Select(t => t.Condition)]), children =>
        {
            var terms = score.Terms.Select((t, i) => new Explanation($"{Signed(t.Weight)} if", outcomes[i], [children[i]])).ToArray();
            return new Explanation($"score {score.Id}", fault is null ? ExplanationOutcome.Yes : ExplanationOutcome.Faulted, terms)
            {
                Value = fault is null ? Format(frame.Scores[slot]) + (SegmentationResult.TierOf(score.Tiers, frame.Scores[slot]) is { } tier ? $" (tier {tier})" : string.Empty) : null,
                Exception = fault?.Exception,
            };
        });
    }

    private Step ExpandCondition(ConditionDefinition condition)
    {
        var node = network.NodeOf[condition];
        var outcome = Outcome(network.Condition(node.Index, frame));
        var exception = outcome == ExplanationOutcome.Faulted ? frame.ConditionFaults[node.Index]?.Exception : null;
        return condition switch
        {
            AllCondition all => new Step(Conditions(all.Conditions), children => new Explanation("all of", outcome, children) { Exception = exception }),
            AnyCondition any => new Step(Conditions(any.Conditions), children => new Explanation("any of", outcome, children) { Exception = exception }),
            NotCondition not => new Step([new ConditionRequest(not.Condition)], children => new Explanation("not", outcome, children) { Exception = exception }),
            ReferenceCondition reference => new Step(
                [new Subject(reference.TargetId)],
                children => new Explanation(reference.Describe(), outcome, children[0].Children.Count > 0 ? children[0].Children : children)),
            ComparisonCondition comparison => new Step([], _ => Compared(comparison, (ComparisonNode<TProfile>)node, outcome, exception)),
            _ => new Step([], _ => new Explanation(condition.Describe(), outcome) { Exception = exception }),
        };
    }

    private static Request[] Conditions(IReadOnlyList<ConditionDefinition> conditions) => [.. conditions.Select(c => new ConditionRequest(c))];

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

    /// <summary>Something to explain; expanding it gives the requests for its children and how to assemble it from theirs.</summary>
    private abstract record Request;

    private sealed record Subject(string Id) : Request;

    private sealed record Member(GroupMemberDefinition Definition) : Request;

    private sealed record ScoreRequest(ScoreDefinition Definition) : Request;

    private sealed record ConditionRequest(ConditionDefinition Condition) : Request;

    /// <summary>A node being explained: its children's requests, their explanations as they complete, and the assembly.</summary>
    private sealed class Step(IReadOnlyList<Request> children, Func<Explanation[], Explanation> build)
    {
        public IReadOnlyList<Request> Children { get; } = children;

        public Explanation[] Results { get; } = new Explanation[children.Count];

        public int Next { get; set; }

        public Func<Explanation[], Explanation> Build { get; } = build;
    }

    /// <summary>The catalog's definitions by id (first definition wins), built once per catalog.</summary>
    private sealed class Index
    {
        public Index(CatalogDefinition<TProfile> catalog)
        {
            foreach (var segment in catalog.Segments)
            {
                Segments.TryAdd(segment.Id, segment);
            }

            foreach (var group in catalog.Groups)
            {
                Groups.TryAdd(group.Id, group);
                foreach (var member in group.Members)
                {
                    Members.TryAdd(member.Id, member);
                }
            }

            foreach (var score in catalog.Scores)
            {
                Scores.TryAdd(score.Id, score);
            }
        }

        public Dictionary<string, SegmentDefinition> Segments { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, GroupDefinition> Groups { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, GroupMemberDefinition> Members { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ScoreDefinition> Scores { get; } = new(StringComparer.Ordinal);
    }
}
