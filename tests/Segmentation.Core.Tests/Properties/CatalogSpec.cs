using System.Text;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Properties;

/// <summary>A generated condition tree before its references are resolved against the catalog built so far.</summary>
public abstract record CondSpec;

/// <summary>A leaf condition, made fresh on every build (equal content, new instance).</summary>
public sealed record LeafSpec(string Text, Func<ConditionDefinition> Make) : CondSpec
{
    public override string ToString() => Text;
}

/// <summary>A leaf from the catalog's shared pool: the same instance each time, or a fresh equal one.</summary>
public sealed record PoolSpec(int Index, bool Fresh) : CondSpec;

/// <summary>A reference to a segment, group or member created earlier (so references stay acyclic).</summary>
public sealed record RefSpec(int Pick, bool Negated) : CondSpec;

/// <summary>A comparison of a score created earlier.</summary>
public sealed record ScoreSpec(int Pick, Comparison Comparison) : CondSpec;

/// <summary>All of the children.</summary>
public sealed record AllSpec(CondSpec[] Children) : CondSpec;

/// <summary>Any of the children.</summary>
public sealed record AnySpec(CondSpec[] Children) : CondSpec;

/// <summary>Not the child.</summary>
public sealed record NotSpec(CondSpec Inner) : CondSpec;

/// <summary>A segment, group or score in creation order.</summary>
public abstract record EntitySpec(int CreationKey);

public sealed record SegmentEntity(int CreationKey, CondSpec[] Conditions) : EntitySpec(CreationKey);

public sealed record GroupEntity(int CreationKey, CondSpec[][] Members, bool Fallback) : EntitySpec(CreationKey);

public sealed record ScoreEntity(int CreationKey, (decimal Weight, CondSpec Condition)[] Terms, decimal[] Tiers) : EntitySpec(CreationKey);

/// <summary>
/// A generated catalog: a pool of shared leaves and entities. Entities are created in <see cref="EntitySpec.CreationKey"/>
/// order and may only reference entities created before them, so the catalog is acyclic by construction; segments are
/// then listed newest first, so segment i references only segments j &gt; i.
/// </summary>
public sealed record CatalogSpec(LeafSpec[] Pool, EntitySpec[] Entities)
{
    public CatalogDefinition<PropProfile> Build()
    {
        var pool = Pool.Select(l => l.Make()).ToArray();
        var targets = new List<string>();
        var scoreIds = new List<string>();
        var segments = new List<SegmentDefinition>();
        var groups = new List<GroupDefinition>();
        var scores = new List<ScoreDefinition>();
        ConditionDefinition Resolve(CondSpec spec) => spec switch
        {
            LeafSpec leaf => leaf.Make(),
            PoolSpec p => p.Fresh ? Pool[p.Index % Pool.Length].Make() : pool[p.Index % pool.Length],
            RefSpec r when targets.Count > 0 => new ReferenceCondition(targets[r.Pick % targets.Count], r.Negated),
            RefSpec r => pool[r.Pick % pool.Length],
            ScoreSpec s when scoreIds.Count > 0 => new ComparisonCondition(new ScoreSource(scoreIds[s.Pick % scoreIds.Count]), s.Comparison),
            ScoreSpec s => pool[s.Pick % pool.Length],
            AllSpec all => new AllCondition(all.Children.Select(Resolve)),
            AnySpec any => new AnyCondition(any.Children.Select(Resolve)),
            NotSpec not => new NotCondition(Resolve(not.Inner)),
            _ => throw new NotSupportedException(spec.GetType().Name),
        };

        foreach (var entity in Entities.OrderBy(e => e.CreationKey))
        {
            switch (entity)
            {
                case SegmentEntity segment:
                    var id = $"s{segments.Count}";
                    segments.Add(new SegmentDefinition(id, id, [.. segment.Conditions.Select(Resolve)]));
                    targets.Add(id);
                    break;
                case GroupEntity group:
                    var groupId = $"g{groups.Count}";
                    var members = group.Members.Select((m, i) => new GroupMemberDefinition($"{groupId}m{i}", $"{groupId} member {i}", [.. m.Select(Resolve)])).ToList();
                    if (group.Fallback)
                    {
                        members.Add(new GroupMemberDefinition($"{groupId}fb", $"{groupId} fallback", [], IsFallback: true));
                    }

                    groups.Add(new GroupDefinition(groupId, groupId, members));
                    targets.Add(groupId);
                    targets.AddRange(members.Select(m => m.Id));
                    break;
                case ScoreEntity score:
                    var scoreId = $"k{scores.Count}";
                    var terms = score.Terms.Select(t => new ScoreTermDefinition(t.Weight, Resolve(t.Condition))).ToArray();
                    scores.Add(new ScoreDefinition(scoreId, scoreId, terms, [.. score.Tiers.Select((t, i) => new TierDefinition($"tier{i}", t))]));
                    scoreIds.Add(scoreId);
                    break;
            }
        }

        segments.Reverse();
        return new CatalogDefinition<PropProfile>(segments, groups, scores) { Name = "generated", ProfileId = p => p.Id };
    }

    /// <summary>Renders a built catalog for failure messages.</summary>
    public static string Describe(CatalogDefinition<PropProfile> catalog)
    {
        var text = new StringBuilder();
        foreach (var segment in catalog.Segments)
        {
            text.AppendLine($"  segment {segment.Id}: {string.Join(" and ", segment.Conditions.Select(c => c.Describe()))}");
        }

        foreach (var group in catalog.Groups)
        {
            text.AppendLine($"  group {group.Id}:");
            foreach (var member in group.Members)
            {
                text.AppendLine($"    {member.Id}: {(member.IsFallback ? "otherwise" : string.Join(" and ", member.Conditions.Select(c => c.Describe())))}");
            }
        }

        foreach (var score in catalog.Scores)
        {
            text.AppendLine($"  score {score.Id} tiers [{string.Join(", ", score.Tiers.Select(t => $"{t.Name}>={t.Threshold}"))}]:");
            foreach (var term in score.Terms)
            {
                text.AppendLine($"    {term.Weight} if {term.Condition.Describe()}");
            }
        }

        return text.ToString();
    }
}
