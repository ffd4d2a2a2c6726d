using Segmentation.Core.Engine;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Properties;

/// <summary>Compares engines with the reference interpreter and with each other, throwing a readable mismatch.</summary>
internal static class Differential
{
    /// <summary>Every decision of the engine, through the result API and the buffer API, equals the reference's.</summary>
    public static void AgreesWithReference(SegmentEngine<PropProfile> engine, ReferenceInterpreter<PropProfile> reference, PropProfile profile, DateTimeOffset asOf)
    {
        var expected = reference.Evaluate(profile, asOf);
        var actual = engine.Evaluate(profile, asOf);
        var problems = new List<string>();
        var mode = engine.IsInterpreted ? "interpreted"
            : engine.RunsGeneratedCode ? "generated-code"
            : engine.Tier.GeneratedChunks == 0 ? "node-network"
            : $"mixed-tier ({engine.Tier.GeneratedChunks} of {engine.Tier.ChunkCount} chunks generated)";
        if (!engine.MembershipIds.Order(StringComparer.Ordinal).SequenceEqual(expected.States.Keys.Order(StringComparer.Ordinal)))
        {
            problems.Add($"membership ids differ: engine [{string.Join(", ", engine.MembershipIds)}], reference [{string.Join(", ", expected.States.Keys)}]");
        }

        problems.AddRange(ResultProblems(actual, expected));

        problems.AddRange(BufferProblems(engine, actual, profile, asOf));
        if (problems.Count > 0)
        {
            throw new PropertyMismatchException($"{mode} engine disagrees with the reference for {profile.Id} as of {asOf:O}:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    /// <summary>Two engines over permuted catalogs reach the same decisions, through both APIs.</summary>
    public static void Agree(SegmentEngine<PropProfile> left, SegmentEngine<PropProfile> right, PropProfile profile, DateTimeOffset asOf)
    {
        var a = left.Evaluate(profile, asOf);
        var b = right.Evaluate(profile, asOf);
        var problems = new List<string>();
        foreach (var id in left.MembershipIds.Where(id => a.StateOf(id) != b.StateOf(id)))
        {
            problems.Add($"{id}: {a.StateOf(id)} vs {b.StateOf(id)}");
        }

        foreach (var group in left.RuleSet.Definition.Groups.Where(g => a.MemberOf(g.Id) != b.MemberOf(g.Id)))
        {
            problems.Add($"group {group.Id}: {a.MemberOf(group.Id)} vs {b.MemberOf(group.Id)}");
        }

        foreach (var score in left.ScoreIds.Where(s => a.Score(s) != b.Score(s) || a.Tier(s) != b.Tier(s)))
        {
            problems.Add($"score {score}: {a.Score(score)} vs {b.Score(score)}");
        }

        var leftBuffer = new SegmentState[left.MembershipIds.Count];
        var rightBuffer = new SegmentState[right.MembershipIds.Count];
        var leftOk = left.Evaluate(profile, asOf, leftBuffer);
        var rightOk = right.Evaluate(profile, asOf, rightBuffer);
        if (leftOk != rightOk)
        {
            problems.Add($"buffer API: nothing faulted {leftOk} vs {rightOk}");
        }

        if (problems.Count > 0)
        {
            throw new PropertyMismatchException($"permuted catalog disagrees for {profile.Id} as of {asOf:O}:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    /// <summary>Where a result (of any engine) differs from the reference's: states, group choices, scores and tiers, faults.</summary>
    public static IEnumerable<string> ResultProblems(SegmentationResult actual, ReferenceResult expected)
    {
        var problems = new List<string>();
        foreach (var (id, state) in expected.States)
        {
            if (actual.StateOf(id) != state)
            {
                problems.Add($"{id}: engine {actual.StateOf(id)}, reference {state}");
            }
        }

        foreach (var (group, choice) in expected.Choices)
        {
            if (actual.MemberOf(group) != choice)
            {
                problems.Add($"group {group}: engine chose {actual.MemberOf(group) ?? "nothing"}, reference {choice ?? "nothing"}");
            }
        }

        foreach (var (score, value) in expected.Scores)
        {
            if (actual.Score(score) != value || actual.IsFaulted(score) != value is null || actual.Tier(score) != expected.Tiers[score])
            {
                problems.Add($"score {score}: engine {actual.Score(score)?.ToString() ?? "faulted"} tier {actual.Tier(score)}, reference {value?.ToString() ?? "faulted"} tier {expected.Tiers[score]}");
            }
        }

        var faulted = expected.States.Where(s => s.Value == SegmentState.Faulted).Select(s => s.Key)
            .Concat(expected.Scores.Where(s => s.Value is null).Select(s => s.Key)).Order(StringComparer.Ordinal);
        if (!actual.Faults.Select(f => f.SegmentId).Order(StringComparer.Ordinal).SequenceEqual(faulted))
        {
            problems.Add($"faults: engine [{string.Join(", ", actual.Faults.Select(f => f.SegmentId))}], reference [{string.Join(", ", faulted)}]");
        }

        return problems;
    }

    private static IEnumerable<string> BufferProblems(SegmentEngine<PropProfile> engine, SegmentationResult result, PropProfile profile, DateTimeOffset asOf)
    {
        var memberships = new SegmentState[engine.MembershipIds.Count];
        var scores = new decimal[engine.ScoreIds.Count];
        var ok = engine.Evaluate(profile, asOf, memberships, scores);
        for (var i = 0; i < memberships.Length; i++)
        {
            var id = engine.MembershipIds[i];
            if (memberships[i] != result.StateOf(id) || engine.IndexOf(id) != i)
            {
                yield return $"buffer {id}: {memberships[i]}, result {result.StateOf(id)}";
            }
        }

        for (var i = 0; i < scores.Length; i++)
        {
            var id = engine.ScoreIds[i];
            if (scores[i] != (result.Score(id) ?? 0m))
            {
                yield return $"buffer score {id}: {scores[i]}, result {result.Score(id)?.ToString() ?? "faulted"}";
            }
        }

        if (ok == result.HasFaults)
        {
            yield return $"buffer API returned nothing-faulted = {ok}, but the result lists {result.Faults.Count} faults";
        }
    }
}

/// <summary>The engine and the reference (or two engines) disagree.</summary>
public sealed class PropertyMismatchException(string message) : Exception(message);

/// <summary>Rewrites a catalog into an equivalent one: segments in another order, And/Or operands and segment conditions permuted, score terms permuted.</summary>
internal static class CatalogPermutation
{
    public static CatalogDefinition<PropProfile> Permute(CatalogDefinition<PropProfile> catalog, int seed)
    {
        var random = new Random(seed);
        T[] Shuffle<T>(IEnumerable<T> items)
        {
            var array = items.ToArray();
            random.Shuffle(array);
            return array;
        }

        ConditionDefinition Commute(ConditionDefinition condition) => condition switch
        {
            AllCondition all => new AllCondition(Shuffle(all.Conditions.Select(Commute))),
            AnyCondition any => new AnyCondition(Shuffle(any.Conditions.Select(Commute))),
            NotCondition not => new NotCondition(Commute(not.Condition)),
            _ => condition,
        };

        var segments = Shuffle(catalog.Segments.Select(s => s with { Conditions = Shuffle(s.Conditions.Select(Commute)) }));
        var groups = catalog.Groups.Select(g => g with
        {
            Members = [.. g.Members.Select(m => m with { Conditions = Shuffle(m.Conditions.Select(Commute)) })],
        }).ToArray();
        var scores = catalog.Scores.Select(s => s with
        {
            Terms = Shuffle(s.Terms.Select(t => t with { Condition = Commute(t.Condition) })),
        }).ToArray();
        return new CatalogDefinition<PropProfile>(segments, groups, scores) { Name = catalog.Name + " permuted", ProfileId = catalog.ProfileId };
    }
}
