using System.Globalization;
using System.Linq.Expressions;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>Compiles a rule set into a <see cref="Network{TProfile}"/>, sharing identical conditions, values and accumulators.</summary>
internal sealed class NetworkBuilder<TProfile>
{
    private readonly RuleSet<TProfile>? ruleSet;
    private readonly LambdaCompiler compiler;
    private readonly ExpressionEquality lambdas = new();
    private readonly Dictionary<ShareKey, ConditionNode<TProfile>> conditions;
    private readonly List<ConditionNode<TProfile>> conditionList = [];
    private readonly Dictionary<ShareKey, ValueNode<TProfile>> values;
    private readonly List<ValueNode<TProfile>> valueList = [];
    private readonly Dictionary<ShareKey, CollectionPlan> collections;
    private readonly Dictionary<ConditionDefinition, ConditionNode<TProfile>> nodeOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ShareKey, (TextIndex<TProfile> Index, StringComparer Comparer)> textIndexes;
    private readonly Slots slots;
    private readonly FrameLayout layout = new();

    public NetworkBuilder(RuleSet<TProfile> ruleSet, LambdaCompiler compiler)
        : this(compiler)
    {
        this.ruleSet = ruleSet;
        var definition = ruleSet.Definition;
        slots = new Slots(
            definition.Segments.Select(s => s.Id).Concat(definition.Groups.Select(g => g.Id)).Concat(definition.Groups.SelectMany(g => g.Members.Select(m => m.Id))),
            definition.Groups,
            definition.Scores);
    }

    /// <summary>A builder for a network without rules, whose conditions are added one by one (see <see cref="BuildLeaf"/>).</summary>
    private NetworkBuilder(LambdaCompiler compiler)
    {
        this.compiler = compiler;
        slots = new Slots([], [], []);
        var keys = new ShareKeyComparer(lambdas);
        conditions = new(keys);
        values = new(keys);
        collections = new(keys);
        textIndexes = new(keys);
    }

    /// <summary>
    /// A network holding one condition that depends on no rule (its values, scanners and indexes), with no units:
    /// evaluate it with <see cref="Network{TProfile}.Condition"/> at the returned node's index.
    /// </summary>
    public static (Network<TProfile> Network, ConditionNode<TProfile> Node) BuildLeaf(ConditionDefinition condition, LambdaCompiler compiler)
    {
        var builder = new NetworkBuilder<TProfile>(compiler);
        var node = builder.Node(condition);
        return (builder.Assemble([], null), node);
    }

    public Network<TProfile> Build()
    {
        var ruleSet = this.ruleSet ?? throw new InvalidOperationException("This builder has no rule set.");
        var definition = ruleSet.Definition;
        var units = new List<Unit<TProfile>>();
        foreach (var segment in definition.Segments)
        {
            var node = All(segment.Conditions);
            units.Add(new SegmentUnit<TProfile>(ruleSet.StratumOf[segment.Id], slots.MembershipSlot[segment.Id], node));
        }

        foreach (var group in definition.Groups)
        {
            var members = group.Members.Select(m =>
            {
                var node = m.IsFallback ? null : All(m.Conditions);
                return new GroupMemberUnit<TProfile>(slots.MembershipSlot[m.Id], node);
            }).ToArray();
            units.Add(new GroupUnit<TProfile>(ruleSet.StratumOf[group.Id], slots.GroupIndex[group.Id], slots.MembershipSlot[group.Id], members));
        }

        foreach (var score in definition.Scores)
        {
            var terms = score.Terms.Select(t => new ScoreTermUnit<TProfile>(t.Weight, Node(t.Condition))).ToArray();
            units.Add(new ScoreUnit<TProfile>(ruleSet.StratumOf[score.Id], slots.ScoreSlot[score.Id], terms));
        }

        return Assemble(units, definition.ProfileId is null ? null : compiler.Compile<Func<TProfile, string>>(definition.ProfileId));
    }

    private Network<TProfile> Assemble(List<Unit<TProfile>> units, Func<TProfile, string>? profileId)
    {
        IndexThresholds();
        foreach (var (textIndex, comparer) in textIndexes.Values)
        {
            textIndex.Freeze(comparer);
        }

        var plans = collections.Values.OrderBy(p => p.Index).ToArray();
        var scanners = plans.Select(p => DatedFacts.Of<TProfile>(p.Definition, compiler.Interpret).Accept(new ScannerFactory<TProfile>(p, compiler))).ToArray();
        var network = new Network<TProfile>
        {
            Collections = scanners,
            ScanRanks = DeclarationOrder.Ranks([.. plans.Select(p => p.Definition)]),
            Values = [.. valueList],
            Conditions = [.. conditionList],
            Units = [.. units.OrderBy(u => u.Stratum)],
            Shape = new NetworkShape(scanners.Length, layout.Accumulators, valueList.Count, conditionList.Count, slots.MembershipIds.Length, slots.Scores.Length, slots.Groups.Length, layout.DayBuffers, layout.ValueBuffers, textIndexes.Count),
            Slots = slots,
            NodeOf = nodeOf,
            ProfileId = profileId,
        };
        return network;
    }

    private ConditionNode<TProfile> All(IReadOnlyList<ConditionDefinition> conditions) =>
        conditions.Count == 1 ? Node(conditions[0]) : Node(new AllCondition(conditions));

    private ConditionNode<TProfile> Node(ConditionDefinition condition)
    {
        if (nodeOf.TryGetValue(condition, out var known))
        {
            return known;
        }

        var node = CreateNode(condition);
        nodeOf[condition] = node;
        return node;
    }

    private ConditionNode<TProfile> CreateNode(ConditionDefinition condition)
    {
        var children = condition switch
        {
            AllCondition all => Distinct(all.Conditions),
            AnyCondition any => Distinct(any.Conditions),
            NotCondition not => [Node(not.Condition)],
            _ => [],
        };
        if (condition is AllCondition or AnyCondition && children.Length == 1)
        {
            return children[0];
        }

        var key = Key(condition, children);
        if (conditions.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var index = conditionList.Count;
        Func<string> text = condition.Describe;
        ConditionNode<TProfile> node = condition switch
        {
            AllCondition => new JunctionNode<TProfile>(index, text, children, ConditionState.False),
            AnyCondition => new JunctionNode<TProfile>(index, text, children, ConditionState.True),
            NotCondition => new NotNode<TProfile>(index, text, children[0]),
            PredicateCondition { UsesAsOf: true } p => new AsOfPredicateNode<TProfile>(index, text, compiler.Compile<Func<TProfile, DateTimeOffset, bool>>(p.Predicate), p.Predicate),
            PredicateCondition p => new PredicateNode<TProfile>(index, text, compiler.Compile<Func<TProfile, bool>>(p.Predicate), p.Predicate),
            TextSetCondition s => TextSet(index, text, s),
            ComparisonCondition c => new ComparisonNode<TProfile>(index, text, Value(c.Source), c.Comparison),
            ReferenceCondition r => new ReferenceNode<TProfile>(index, text, r.TargetId, slots.MembershipSlot[r.TargetId], r.Negated),
            _ => throw new NotSupportedException($"Unsupported condition type {condition.GetType().Name}."),
        };
        conditions[key] = node;
        conditionList.Add(node);
        return node;
    }

    /// <summary>The children's nodes in order, each node once (a repeated child adds nothing to a junction).</summary>
    private ConditionNode<TProfile>[] Distinct(IReadOnlyList<ConditionDefinition> children)
    {
        var nodes = new List<ConditionNode<TProfile>>(children.Count);
        // Junctions are small: a scan finds a repeat; a set only where a scan would cost more.
        var seen = children.Count > 16 ? new HashSet<int>() : null;
        foreach (var child in children)
        {
            var node = Node(child);
            if (seen?.Add(node.Index) ?? !Contains(nodes, node.Index))
            {
                nodes.Add(node);
            }
        }

        return [.. nodes];
    }

    private static bool Contains(List<ConditionNode<TProfile>> nodes, int index)
    {
        foreach (var node in nodes)
        {
            if (node.Index == index)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A junction's children as a key: their node indexes in ascending order (the order of the children does not matter).</summary>
    private static string SortedIndexes(ConditionNode<TProfile>[] children)
    {
        var indexes = new int[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            indexes[i] = children[i].Index;
        }

        Array.Sort(indexes);
        return string.Join(',', indexes);
    }

    private ShareKey Key(ConditionDefinition condition, ConditionNode<TProfile>[] children) => condition switch
    {
        AllCondition => new("all", Rest: SortedIndexes(children)),
        AnyCondition => new("any", Rest: SortedIndexes(children)),
        NotCondition => new("not", Rest: Number(children[0].Index)),
        PredicateCondition p => new("p", p.Predicate),
        TextSetCondition s => new("s", s.Selector, Rest: $"{s.IgnoreCase}:{string.Join('\u001f', s.Values)}"),
        ComparisonCondition c => new("c", Rest: $"{Value(c.Source).Index}:{c.Comparison.Operator}:{Number(c.Comparison.Threshold)}:{(c.Comparison.Upper is { } u ? Number(u) : "-")}"),
        ReferenceCondition r => new("r", Rest: $"{r.TargetId}:{r.Negated}"),
        _ => throw new NotSupportedException($"Unsupported condition type {condition.GetType().Name}."),
    };

    private void IndexThresholds()
    {
        var groups = conditionList.OfType<ComparisonNode<TProfile>>()
            .Where(c => ThresholdIndex<TProfile>.Supports(c.Comparison.Operator))
            .GroupBy(c => c.Value.Index)
            .Where(g => g.Count() >= ThresholdIndex<TProfile>.MinimumComparisons);
        foreach (var group in groups)
        {
            var comparisons = group.ToArray();
            var index = new ThresholdIndex<TProfile>(group.Key, comparisons);
            foreach (var comparison in comparisons)
            {
                comparison.Thresholds = index;
            }
        }
    }

    private TextSetNode<TProfile> TextSet(int index, Func<string> text, TextSetCondition condition)
    {
        var key = new ShareKey("text", condition.Selector, Rest: condition.IgnoreCase ? "i" : "o");
        if (!textIndexes.TryGetValue(key, out var entry))
        {
            entry = (new TextIndex<TProfile>(compiler.Compile<TProfile, string?>(condition.Selector), condition.Selector, ExpressionText.BodyOf(condition.Selector)) { Number = textIndexes.Count }, condition.Comparer);
            textIndexes[key] = entry;
        }

        var node = new TextSetNode<TProfile>(index, text, entry.Index);
        entry.Index.Add(node, condition.Values);
        return node;
    }

    private ValueNode<TProfile> Value(ValueSource source)
    {
        var key = source switch
        {
            AggregateSource a => new ShareKey("agg", a.Filter, a.UsesSelector ? a.Selector : null, $"{Collection(a.Collection).Index}:{a.Kind}:{a.Window.NewestAgo.Ticks}:{a.Window.OldestAgo?.Ticks}"),
            ProfileValueSource p => new ShareKey("val", p.Selector),
            DateSource d => new ShareKey("date", d.Date, Rest: d.Measure.ToString()),
            ScoreSource s => new ShareKey("score", Rest: s.ScoreId),
            _ => throw new NotSupportedException($"Unsupported value source {source.GetType().Name}."),
        };
        if (values.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var index = valueList.Count;
        var text = source.Describe();
        ValueNode<TProfile> node = source switch
        {
            AggregateSource a => Aggregate(index, text, a),
            ProfileValueSource p => new ProfileValueNode<TProfile>(index, text, compiler.Compile<TProfile, decimal?>(p.Selector), p.Selector),
            DateSource d => new DateValueNode<TProfile>(index, text, CalendarDates.Compile<TProfile>(d.Date, compiler.Interpret), d.Measure, d.Date),
            ScoreSource s => new ScoreValueNode<TProfile>(index, text, s.ScoreId, slots.ScoreSlot[s.ScoreId]),
            _ => throw new NotSupportedException($"Unsupported value source {source.GetType().Name}."),
        };
        values[key] = node;
        valueList.Add(node);
        return node;
    }

    private AggregateValueNode<TProfile> Aggregate(int index, string text, AggregateSource source)
    {
        var plan = Collection(source.Collection);
        var slot = plan.Accumulator(source, layout);
        return new AggregateValueNode<TProfile>(index, text, plan.Index, slot, AggregateDefinitions.Of(source.Kind));
    }

    private CollectionPlan Collection(DatedCollectionDefinition collection)
    {
        var key = new ShareKey("collection", collection.Items, collection.Date);
        if (!collections.TryGetValue(key, out var plan))
        {
            plan = new CollectionPlan(collections.Count, collection, lambdas);
            collections[key] = plan;
        }

        return plan;
    }

    private static string Number(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
