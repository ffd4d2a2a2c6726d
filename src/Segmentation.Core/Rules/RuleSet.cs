using Segmentation.Core.Model;
using Segmentation.Core.Validation;

namespace Segmentation.Core.Rules;

/// <summary>
/// The validated, inspectable rule set of a catalog: one rule per segment, group member and score term, with
/// dependencies and strata. The engine compiles it; explanations, analysis and tests can read it.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class RuleSet<TProfile>
{
    private RuleSet(CatalogDefinition<TProfile> definition, IReadOnlyList<Rule> rules, IReadOnlyDictionary<string, int> strata)
    {
        Definition = definition;
        Rules = rules;
        StratumOf = strata;
        StratumCount = strata.Count == 0 ? 0 : strata.Values.Max() + 1;
    }

    /// <summary>The validated definitions.</summary>
    public CatalogDefinition<TProfile> Definition { get; }

    /// <summary>Every rule, ordered by stratum, then definition order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>The stratum of every segment, group, member and score id.</summary>
    public IReadOnlyDictionary<string, int> StratumOf { get; }

    /// <summary>The number of strata.</summary>
    public int StratumCount { get; }

    /// <summary>Validates a catalog and turns it into a rule set.</summary>
    /// <param name="definition">The definitions.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="CatalogDefinitionException">The definitions are invalid; every problem is listed.</exception>
    public static RuleSet<TProfile> From(CatalogDefinition<TProfile> definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        CatalogValidator.EnsureValid(definition);
        var strata = DependencyGraph.Of(definition).Strata();
        var rules = new List<Rule>();
        foreach (var segment in definition.Segments)
        {
            rules.Add(new Rule
            {
                Id = segment.Id, Kind = RuleKind.Segment, Name = segment.Name, Conditions = segment.Conditions,
                Dependencies = ConditionReferences.Of(segment.Conditions), Stratum = strata[segment.Id],
                Description = segment.Description, Tags = segment.Tags, Priority = segment.Priority,
            });
        }

        foreach (var group in definition.Groups)
        {
            rules.AddRange(group.Members.Select((member, i) => new Rule
            {
                Id = member.Id, Kind = RuleKind.GroupMember, Name = member.Name, Conditions = member.Conditions,
                Dependencies = ConditionReferences.Of(member.Conditions), Stratum = strata[group.Id],
                ParentId = group.Id, Order = i, IsFallback = member.IsFallback, Description = group.Description, Tags = group.Tags,
            }));
        }

        foreach (var score in definition.Scores)
        {
            rules.AddRange(score.Terms.Select((term, i) => new Rule
            {
                Id = $"{score.Id}#{i}", Kind = RuleKind.ScoreTerm, Name = $"{score.Name} #{i}", Conditions = [term.Condition],
                Dependencies = ConditionReferences.Of(term.Condition), Stratum = strata[score.Id],
                ParentId = score.Id, Order = i, Weight = term.Weight, Description = score.Description,
            }));
        }

        return new RuleSet<TProfile>(definition, rules.OrderBy(r => r.Stratum).ToArray(), strata);
    }

    /// <summary>Formats every rule on its own line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Rules);
}
