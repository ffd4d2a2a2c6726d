using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;
using Segmentation.Core.Semantics;
using Segmentation.NRules.Facts;

namespace Segmentation.NRules.Translation;

/// <summary>
/// Translates a <see cref="RuleSet{TProfile}"/> into NRules rule definitions with NRules' RuleModel builders:
/// <list type="bullet">
/// <item>a condition rule per distinct condition that depends on no other rule (its leaf), asserting its outcome;</item>
/// <item>one rule per segment, group member and score term, named by our rule id, whose left-hand side joins the
/// profile with its condition outcomes, the memberships it references (<c>in x</c> is a join on x's membership fact,
/// <c>not in x</c> a negation over it) and the scores it compares, and decides its conditions in a binding;</item>
/// <item>one rule per group (first match wins, fallback) and per score (sum, tier).</item>
/// </list>
/// Priorities follow the strata: condition rules first, then stratum by stratum, rules before their group or score.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
internal sealed class RuleModelTranslator<TProfile>
{
    private const string Profile = "profile";
    private const string Instant = "instant";
    private readonly RuleSet<TProfile> ruleSet;
    private readonly Dictionary<ConditionDefinition, Leaf<TProfile>> leaves = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Rule names taken: every segment, group member, group and score id up front (their rules are named by their ids),
    /// then each generated name as it is given (see <see cref="UniqueName"/>).
    /// </summary>
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    public RuleModelTranslator(RuleSet<TProfile> ruleSet)
    {
        this.ruleSet = ruleSet;
        foreach (var rule in ruleSet.Rules)
        {
            foreach (var condition in rule.Conditions)
            {
                CollectLeaves(condition, rule.Id);
            }
        }
    }

    public IReadOnlyDictionary<ConditionDefinition, Leaf<TProfile>> Leaves => leaves;

    public IReadOnlyList<IRuleDefinition> Translate()
    {
        var definition = ruleSet.Definition;
        names.UnionWith(definition.Segments.Select(s => s.Id));
        names.UnionWith(definition.Groups.SelectMany(g => g.Members.Select(m => m.Id).Append(g.Id)));
        names.UnionWith(definition.Scores.Select(s => s.Id));
        var definitions = new List<IRuleDefinition>();
        var top = (ruleSet.StratumCount + 1) * 2;
        definitions.AddRange(leaves.Values.OrderBy(l => l.Index).Select(l => ConditionRule(l, top + 1)));
        if (leaves.Count > 0)
        {
            definitions.Add(CompletionRule(top));
        }

        foreach (var rule in ruleSet.Rules)
        {
            definitions.Add(Translate(rule, PriorityOf(rule.Stratum, first: true)));
        }

        definitions.AddRange(definition.Groups.Select(g => GroupRule(g, PriorityOf(ruleSet.StratumOf[g.Id], first: false))));
        definitions.AddRange(definition.Scores.Select(s => ScoreRule(s, PriorityOf(ruleSet.StratumOf[s.Id], first: false))));
        return definitions;
    }

    private int PriorityOf(int stratum, bool first) => ((ruleSet.StratumCount - stratum) * 2) + (first ? 1 : 0);

    private void CollectLeaves(ConditionDefinition condition, string ownerId)
    {
        switch (condition)
        {
            case AllCondition all:
                all.Conditions.ToList().ForEach(c => CollectLeaves(c, ownerId));
                break;
            case AnyCondition any:
                any.Conditions.ToList().ForEach(c => CollectLeaves(c, ownerId));
                break;
            case NotCondition not:
                CollectLeaves(not.Condition, ownerId);
                break;
            default:
                if (ConditionSemantics.IsLeaf(condition) && !leaves.ContainsKey(condition))
                {
                    leaves[condition] = new Leaf<TProfile>(leaves.Count, condition, ConditionSemantics.CompileLeaf<TProfile>(condition), ownerId);
                }

                break;
        }
    }

    /// <summary>
    /// A name for a generated rule (a condition rule, the completion rule, a score term) that no id of the catalog and
    /// no other rule has: <paramref name="preferred"/>, or, when a segment is called that (say <c>conditions</c> or
    /// <c>vip/c0</c>), the first free of <c>preferred~2</c>, <c>preferred~3</c>, ….
    /// </summary>
    private string UniqueName(string preferred)
    {
        var name = preferred;
        for (var n = 2; !names.Add(name); n++)
        {
            name = $"{preferred}~{n}";
        }

        return name;
    }

    private static RuleBuilder Named(string name, string ruleId, string role, int priority, string description)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Description(description);
        builder.Priority(priority);
        builder.Property(RuleProperties.RuleId, ruleId);
        builder.Property(RuleProperties.Role, role);
        builder.Tag("segmentation");
        return builder;
    }

    private IRuleDefinition ConditionRule(Leaf<TProfile> leaf, int priority)
    {
        var builder = Named(UniqueName($"{leaf.OwnerId}/c{leaf.Index}"), leaf.OwnerId, "condition", priority, $"{leaf.Text} (condition {leaf.Index})");
        builder.Property(RuleProperties.Condition, leaf.Index);
        var lhs = builder.LeftHandSide();
        lhs.Pattern(typeof(TProfile), Profile);
        lhs.Pattern(typeof(EvaluationInstant), Instant);
        lhs.Pattern(typeof(ConditionOutcomes<TProfile>), "outcomes").Condition(ParameterNames.RenameFirst(SameProfile<ConditionOutcomes<TProfile>>(o => o.Profile), "outcomes"));
        var holds = leaf.Holds;
        var holdsPattern = lhs.Pattern(typeof(bool), "holds");
        Expression<Func<TProfile, EvaluationInstant, bool>> evaluate = (profile, instant) => holds(profile, instant.AsOf);
        holdsPattern.Binding().BindingExpression(evaluate);
        var index = leaf.Index;
        Expression<Action<IContext, ConditionOutcomes<TProfile>, bool>> record = (context, outcomes, holds) => outcomes.Record(index, holds);
        builder.RightHandSide().Action(record, ActionTrigger.Activated | ActionTrigger.Reactivated);
        return Build(builder, leaf.OwnerId);
    }

    private IRuleDefinition CompletionRule(int priority)
    {
        var builder = Named(UniqueName("conditions"), "conditions", "completion", priority, "every condition rule has fired => conditions evaluated");
        builder.LeftHandSide().Pattern(typeof(ConditionOutcomes<TProfile>), "outcomes");
        Expression<Action<IContext, ConditionOutcomes<TProfile>>> assert = (context, outcomes) => LinkedFacts.Put(context, new ConditionsEvaluated<TProfile>(outcomes));
        builder.RightHandSide().Action(assert, ActionTrigger.Activated | ActionTrigger.Reactivated);
        return Build(builder, "conditions");
    }

    private IRuleDefinition Translate(Rule rule, int priority)
    {
        var role = rule.Kind switch { RuleKind.Segment => "segment", RuleKind.GroupMember => "member", _ => "term" };
        var builder = Named(rule.Kind == RuleKind.ScoreTerm ? UniqueName(rule.Id) : rule.Id, rule.Id, role, priority, rule.ToString());
        var lhs = builder.LeftHandSide();
        lhs.Pattern(typeof(TProfile), Profile);
        lhs.Pattern(typeof(EvaluationInstant), Instant);
        var own = rule.Conditions.SelectMany(LeavesOf).Distinct().Select(l => l.Index).ToHashSet();
        var references = rule.Conditions.SelectMany(ReferencesOf).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var scores = rule.Conditions.SelectMany(ScoresOf).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);

        var joined = 0;
        foreach (var reference in rule.Conditions.OfType<ReferenceCondition>())
        {
            var target = reference.TargetId;
            if (!reference.Negated)
            {
                // in x: a join on x's membership fact (in or faulted); without it the rule cannot match.
                var pattern = lhs.Pattern(typeof(SegmentMembership<TProfile>), $"in{joined}");
                Expression<Func<SegmentMembership<TProfile>, bool>> which = m => m.Id == target;
                pattern.Condition(ParameterNames.RenameFirst(which, $"in{joined}"));
                pattern.Condition(ParameterNames.RenameFirst(SameProfile<SegmentMembership<TProfile>>(m => m.Profile), $"in{joined++}"));
            }
            else
            {
                // not in x: a negation over x's membership fact being in.
                var pattern = lhs.Not().Pattern(typeof(SegmentMembership<TProfile>), $"notIn{joined}");
                Expression<Func<SegmentMembership<TProfile>, bool>> which = m => m.Id == target && m.State == SegmentState.In;
                pattern.Condition(ParameterNames.RenameFirst(which, $"notIn{joined}"));
                pattern.Condition(ParameterNames.RenameFirst(SameProfile<SegmentMembership<TProfile>>(m => m.Profile), $"notIn{joined++}"));
            }
        }

        string? outcomes = null;
        if (own.Count > 0)
        {
            // The outcomes are complete once the completion rule asserted them: a join on that fact.
            outcomes = "evaluated";
            lhs.Pattern(typeof(ConditionsEvaluated<TProfile>), outcomes).Condition(ParameterNames.RenameFirst(SameProfile<ConditionsEvaluated<TProfile>>(e => e.Profile), outcomes));
        }

        var memberships = Collect<SegmentMembership<TProfile>>(lhs, "memberships", references.Count > 0, m => references.Contains(m.Id), m => m.Profile);
        var scoreFacts = Collect<SegmentScore<TProfile>>(lhs, "scores", scores.Count > 0, s => scores.Contains(s.Id), s => s.Profile);

        var decider = new ConditionDecider<TProfile>(rule.Conditions, leaves);
        var verdict = lhs.Pattern(typeof(Verdict), "verdict");
        var parameters = new List<ParameterExpression>();
        var arguments = new List<Expression>();
        if (outcomes is null)
        {
            arguments.Add(Expression.Constant(null, typeof(ConditionOutcomes<TProfile>)));
        }
        else
        {
            var evaluated = Expression.Parameter(typeof(ConditionsEvaluated<TProfile>), outcomes);
            parameters.Add(evaluated);
            arguments.Add(Expression.Property(evaluated, nameof(ConditionsEvaluated<TProfile>.Outcomes)));
        }

        foreach (var (declaration, type) in new[] { (memberships, typeof(SegmentMembership<TProfile>)), (scoreFacts, typeof(SegmentScore<TProfile>)) })
        {
            var sequence = typeof(IEnumerable<>).MakeGenericType(type);
            if (declaration is null)
            {
                arguments.Add(Expression.Constant(Array.CreateInstance(type, 0), sequence));
            }
            else
            {
                var parameter = Expression.Parameter(sequence, declaration);
                parameters.Add(parameter);
                arguments.Add(parameter);
            }
        }

        var decide = Expression.Call(Expression.Constant(decider), nameof(ConditionDecider<TProfile>.Decide), null, [.. arguments]);
        verdict.Binding().BindingExpression(Expression.Lambda(decide, parameters));
        Expression<Func<Verdict, bool>> decided = verdict => verdict.Value != Tri.False;
        verdict.Condition(decided);

        var id = rule.Id;
        if (rule.Kind == RuleKind.Segment)
        {
            Expression<Action<IContext, TProfile, Verdict>> assert = (context, profile, verdict) =>
                LinkedFacts.Put(context, new SegmentMembership<TProfile>(profile, id, MembershipKind.Segment, null, verdict.State, verdict.FaultFor(id)));
            builder.RightHandSide().Action(assert, ActionTrigger.Activated | ActionTrigger.Reactivated);
        }
        else
        {
            var parent = rule.ParentId!;
            var order = rule.Order;
            Expression<Action<IContext, TProfile, Verdict>> assert = (context, profile, verdict) =>
                LinkedFacts.Put(context, new RuleOutcome<TProfile>(profile, id, parent, order, verdict.State, verdict.FaultFor(id)));
            builder.RightHandSide().Action(assert, ActionTrigger.Activated | ActionTrigger.Reactivated);
        }

        return Build(builder, rule.Id);
    }

    private IRuleDefinition GroupRule(GroupDefinition group, int priority)
    {
        var builder = Named(group.Id, group.Id, "group", priority, $"{group.Id}: first of [{string.Join(", ", group.Members.Select(m => m.Id))}] => member of {group.Id}");
        var lhs = builder.LeftHandSide();
        lhs.Pattern(typeof(TProfile), Profile);
        var id = group.Id;
        var outcomes = Collect<RuleOutcome<TProfile>>(lhs, "outcomes", true, o => o.ParentId == id, o => o.Profile)!;
        var decider = new GroupDecider<TProfile>(group);
        var choice = lhs.Pattern(typeof(IReadOnlyList<KeyValuePair<string, object>>), "choice");
        Expression<Func<TProfile, IEnumerable<RuleOutcome<TProfile>>, IReadOnlyList<KeyValuePair<string, object>>>> decide = (profile, outcomes) => decider.Decide(profile, outcomes);
        choice.Binding().BindingExpression(decide);
        Expression<Func<IReadOnlyList<KeyValuePair<string, object>>, bool>> any = choice => choice.Count > 0;
        choice.Condition(any);
        Expression<Action<IContext, IReadOnlyList<KeyValuePair<string, object>>>> assert = (context, choice) => LinkedFacts.Sync(context, choice);
        builder.RightHandSide().Action(assert, ActionTrigger.Activated | ActionTrigger.Reactivated);
        return Build(builder, group.Id);
    }

    private IRuleDefinition ScoreRule(ScoreDefinition score, int priority)
    {
        var builder = Named(score.Id, score.Id, "score", priority, $"{score.Id}: sum of {score.Terms.Count} terms, tiers [{string.Join(", ", score.Tiers.Select(t => t.Name))}] => score {score.Id}");
        var lhs = builder.LeftHandSide();
        lhs.Pattern(typeof(TProfile), Profile);
        var id = score.Id;
        Collect<RuleOutcome<TProfile>>(lhs, "outcomes", true, o => o.ParentId == id, o => o.Profile);
        var decider = new ScoreDecider<TProfile>(score);
        var value = lhs.Pattern(typeof(SegmentScore<TProfile>), "score");
        Expression<Func<TProfile, IEnumerable<RuleOutcome<TProfile>>, SegmentScore<TProfile>>> decide = (profile, outcomes) => decider.Decide(profile, outcomes);
        value.Binding().BindingExpression(decide);
        Expression<Action<IContext, SegmentScore<TProfile>>> assert = (context, score) => LinkedFacts.Put(context, score);
        builder.RightHandSide().Action(assert, ActionTrigger.Activated | ActionTrigger.Reactivated);
        return Build(builder, score.Id);
    }

    private static IRuleDefinition Build(RuleBuilder builder, string ruleId)
    {
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new NRulesCompilationException(ruleId, $"NRules rejected the rule translated from '{ruleId}': {e.Message}", e);
        }
    }

    /// <summary>
    /// A collection of the facts of one type for the profile: <paramref name="which"/> is an alpha condition (one fact),
    /// the profile test a separate join condition, so NRules filters facts before joining them.
    /// </summary>
    private static string? Collect<TFact>(GroupBuilder lhs, string name, bool needed, Expression<Func<TFact, bool>> which, Expression<Func<TFact, TProfile>> profileOf)
    {
        if (!needed)
        {
            return null;
        }

        var collection = lhs.Pattern(typeof(IEnumerable<TFact>), name);
        var aggregate = collection.Aggregate();
        aggregate.Collect();
        var source = aggregate.Pattern(typeof(TFact), name + "Item");
        source.Condition(ParameterNames.RenameFirst(which, name + "Item"));
        source.Condition(ParameterNames.RenameFirst(SameProfile(profileOf), name + "Item"));
        return name;
    }

    private static LambdaExpression SameProfile<TFact>(Expression<Func<TFact, TProfile>> profileOf)
    {
        var profile = Expression.Parameter(typeof(TProfile), Profile);
        var body = Expression.ReferenceEqual(Expression.Convert(profileOf.Body, typeof(object)), Expression.Convert(profile, typeof(object)));
        return Expression.Lambda(body, profileOf.Parameters[0], profile);
    }

    private IEnumerable<Leaf<TProfile>> LeavesOf(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions.SelectMany(LeavesOf),
        AnyCondition any => any.Conditions.SelectMany(LeavesOf),
        NotCondition not => LeavesOf(not.Condition),
        _ => leaves.TryGetValue(condition, out var leaf) ? [leaf] : [],
    };

    private static IEnumerable<string> ReferencesOf(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions.SelectMany(ReferencesOf),
        AnyCondition any => any.Conditions.SelectMany(ReferencesOf),
        NotCondition not => ReferencesOf(not.Condition),
        ReferenceCondition reference => [reference.TargetId],
        _ => [],
    };

    private static IEnumerable<string> ScoresOf(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions.SelectMany(ScoresOf),
        AnyCondition any => any.Conditions.SelectMany(ScoresOf),
        NotCondition not => ScoresOf(not.Condition),
        ComparisonCondition { Source: ScoreSource score } => [score.ScoreId],
        _ => [],
    };
}
