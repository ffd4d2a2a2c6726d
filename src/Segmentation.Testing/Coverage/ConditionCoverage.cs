using System.Text;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;

namespace Segmentation.Testing;

/// <summary>Creates <see cref="ConditionCoverage{TProfile}"/> recorders.</summary>
public static class ConditionCoverage
{
    /// <summary>Starts recording condition coverage for an engine.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <returns>An empty recorder.</returns>
    public static ConditionCoverage<TProfile> For<TProfile>(ISegmentEngine<TProfile> engine) => new(engine);
}

/// <summary>
/// Condition coverage of a catalog: across every profile you record, which condition of which rule (every segment, group
/// member and score term, and every operand of an all of, any of or not) was never true, and which was never false. A
/// condition that was never false cannot have been the reason a profile was left out; one never true never let one in.
/// Recording explains every rule for the profile, so it costs one explanation per rule. Thread-safe.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class ConditionCoverage<TProfile>
{
    private readonly ISegmentEngine<TProfile> engine;
    private readonly List<Counter> counters = [];
    private readonly Dictionary<(string RuleId, string Path), Counter> byPath = [];
    private readonly Lock gate = new();
    private int evaluations;

    /// <summary>Creates an empty recorder for an engine.</summary>
    /// <param name="engine">The engine.</param>
    public ConditionCoverage(ISegmentEngine<TProfile> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        foreach (var rule in engine.RuleSet.Rules)
        {
            for (var i = 0; i < rule.Conditions.Count; i++)
            {
                Declare(rule.Id, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), rule.Conditions[i]);
            }
        }
    }

    /// <summary>How many evaluations were recorded.</summary>
    public int Evaluations
    {
        get
        {
            lock (gate)
            {
                return evaluations;
            }
        }
    }

    /// <summary>Every condition of every rule with its counts, in rule order.</summary>
    public IReadOnlyList<ConditionCoverageEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. counters.Select(c => new ConditionCoverageEntry(c.RuleId, c.Path, c.Condition.Describe(), c.True, c.False, c.Faulted))];
            }
        }
    }

    /// <summary>The conditions never found true or never found false.</summary>
    public IReadOnlyList<ConditionCoverageEntry> Gaps => [.. Entries.Where(e => !e.IsCovered)];

    /// <summary>Whether every condition was found both true and false.</summary>
    public bool IsComplete => Gaps.Count == 0;

    /// <summary>Evaluates a profile and records the outcome of every condition of every rule.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    public void Record(TProfile profile, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var instant = asOf ?? engine.Evaluate(profile).AsOf;
        var outcomes = new List<(Counter Counter, ExplanationOutcome Outcome)>();
        var scores = new Dictionary<string, Explanation>();
        foreach (var rule in engine.RuleSet.Rules)
        {
            IReadOnlyList<Explanation> explained;
            if (rule.Kind == RuleKind.ScoreTerm)
            {
                var scoreId = rule.ParentId!;
                if (!scores.TryGetValue(scoreId, out var score))
                {
                    scores[scoreId] = score = engine.Explain(profile, scoreId, instant);
                }

                explained = score.Children[rule.Order].Children;
            }
            else
            {
                explained = engine.Explain(profile, rule.Id, instant).Children;
            }

            for (var i = 0; i < rule.Conditions.Count && i < explained.Count; i++)
            {
                Collect(rule.Id, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), rule.Conditions[i], explained[i], outcomes);
            }
        }

        lock (gate)
        {
            evaluations++;
            foreach (var (counter, outcome) in outcomes)
            {
                counter.Add(outcome);
            }
        }
    }

    /// <summary>Throws when some condition was never true or never false.</summary>
    /// <exception cref="SegmentAssertionException">Coverage is incomplete; the message is the <see cref="ToString"/> report.</exception>
    public void ThrowIfIncomplete()
    {
        if (!IsComplete)
        {
            throw new SegmentAssertionException(ToString());
        }
    }

    /// <summary>
    /// Reports coverage: a summary line, then the conditions never true and those never false, each as
    /// <c>rule id [path] condition</c>.
    /// </summary>
    /// <returns>The report.</returns>
    public override string ToString()
    {
        var entries = Entries;
        var covered = entries.Count(e => e.IsCovered);
        var text = new StringBuilder(
            $"Condition coverage of {engine.RuleSet.Definition.Name} over {Evaluations} evaluations: {covered} of {entries.Count} conditions were both true and false.");
        Section(text, "Never true:", entries.Where(e => e.NeverTrue));
        Section(text, "Never false:", entries.Where(e => e.NeverFalse));
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<ConditionCoverageEntry> entries)
    {
        var list = entries.ToArray();
        if (list.Length == 0)
        {
            return;
        }

        text.AppendLine().Append(title);
        foreach (var e in list)
        {
            text.AppendLine().Append($"  {e.RuleId} [{e.Path}] {e.Condition}");
        }
    }

    private static IReadOnlyList<ConditionDefinition> Operands(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions,
        AnyCondition any => any.Conditions,
        NotCondition not => [not.Condition],
        _ => [],
    };

    private void Declare(string ruleId, string path, ConditionDefinition condition)
    {
        var counter = new Counter(ruleId, path, condition);
        counters.Add(counter);
        byPath[(ruleId, path)] = counter;
        var operands = Operands(condition);
        for (var i = 0; i < operands.Count; i++)
        {
            Declare(ruleId, $"{path}.{i + 1}", operands[i]);
        }
    }

    private void Collect(string ruleId, string path, ConditionDefinition condition, Explanation explanation, List<(Counter, ExplanationOutcome)> outcomes)
    {
        outcomes.Add((byPath[(ruleId, path)], explanation.Outcome));
        var operands = Operands(condition);
        for (var i = 0; i < operands.Count && i < explanation.Children.Count; i++)
        {
            Collect(ruleId, $"{path}.{i + 1}", operands[i], explanation.Children[i], outcomes);
        }
    }

    private sealed class Counter(string ruleId, string path, ConditionDefinition condition)
    {
        public string RuleId { get; } = ruleId;

        public string Path { get; } = path;

        public ConditionDefinition Condition { get; } = condition;

        public int True { get; private set; }

        public int False { get; private set; }

        public int Faulted { get; private set; }

        public void Add(ExplanationOutcome outcome)
        {
            switch (outcome)
            {
                case ExplanationOutcome.Yes: True++; break;
                case ExplanationOutcome.No: False++; break;
                default: Faulted++; break;
            }
        }
    }
}
