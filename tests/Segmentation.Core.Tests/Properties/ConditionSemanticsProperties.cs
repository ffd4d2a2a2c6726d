using CsCheck;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Tests.Properties;

/// <summary>
/// <see cref="ConditionSemantics.CompileLeaf{TProfile}"/> against the native engine: every leaf of a generated catalog,
/// compiled alone, decides what the engine decides for a segment made of that leaf, and throws where the engine faults it.
/// </summary>
public sealed class ConditionSemanticsProperties
{
    private const long Catalogs = 100;

    [Fact]
    public void CompileLeaf_EveryLeafOfRandomCatalogs_AgreesWithEngine()
    {
        PropGen.Case.Sample(
            c =>
            {
                var leaves = Leaves(c.Catalog.Build()).ToArray();
                if (leaves.Length == 0)
                {
                    return;
                }

                var catalog = new CatalogDefinition<PropProfile>([.. leaves.Select((l, i) => new SegmentDefinition($"l{i}", $"leaf {i}", [l]))], [], []);
                var compiled = SegmentEngine.Compile(catalog, new SegmentEngineOptions { PreferInterpretation = false });
                var interpreted = SegmentEngine.Compile(compiled.RuleSet, new SegmentEngineOptions { PreferInterpretation = true });
                var predicates = leaves.Select(ConditionSemantics.CompileLeaf<PropProfile>).ToArray();
                foreach (var profile in c.Profiles)
                {
                    foreach (var engine in new[] { compiled, interpreted })
                    {
                        var result = engine.Evaluate(profile, c.AsOf);
                        for (var i = 0; i < leaves.Length; i++)
                        {
                            Check(leaves[i], predicates[i], result, $"l{i}", profile, c.AsOf, engine.IsInterpreted);
                        }
                    }
                }
            },
            iter: Catalogs,
            print: PropGen.Print);
    }

    private static void Check(ConditionDefinition leaf, Func<PropProfile, DateTimeOffset, bool> predicate, SegmentationResult result, string id, PropProfile profile, DateTimeOffset asOf, bool interpreted)
    {
        var expected = result.StateOf(id);
        string actual;
        try
        {
            actual = predicate(profile, asOf) ? "In" : "Out";
        }
        catch (Exception ex)
        {
            var fault = result.Faults.SingleOrDefault(f => f.SegmentId == id);
            actual = fault is not null && fault.Exception.GetType() == ex.GetType() && fault.Exception.Message == ex.Message
                ? "Faulted"
                : $"threw {ex.GetType().Name}: {ex.Message} (engine: {fault?.Exception.GetType().Name ?? "no fault"})";
        }

        if (actual != expected.ToString())
        {
            throw new PropertyMismatchException(
                $"{leaf.Describe()} for {profile.Id} as of {asOf:O}: semantics {actual}, {(interpreted ? "interpreted" : "compiled")} engine {expected}");
        }
    }

    /// <summary>The distinct leaf conditions of a catalog, composites walked into.</summary>
    private static IEnumerable<ConditionDefinition> Leaves(CatalogDefinition<PropProfile> catalog)
    {
        var seen = new HashSet<ConditionDefinition>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<ConditionDefinition>(
            catalog.Segments.SelectMany(s => s.Conditions)
                .Concat(catalog.Groups.SelectMany(g => g.Members.SelectMany(m => m.Conditions)))
                .Concat(catalog.Scores.SelectMany(s => s.Terms.Select(t => t.Condition))));
        while (stack.TryPop(out var condition))
        {
            switch (condition)
            {
                case AllCondition all:
                    all.Conditions.ToList().ForEach(stack.Push);
                    break;
                case AnyCondition any:
                    any.Conditions.ToList().ForEach(stack.Push);
                    break;
                case NotCondition not:
                    stack.Push(not.Condition);
                    break;
                default:
                    if (ConditionSemantics.IsLeaf(condition) && seen.Add(condition))
                    {
                        yield return condition;
                    }

                    break;
            }
        }
    }
}
