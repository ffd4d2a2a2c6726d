using Segmentation.Core.Engine;
using Segmentation.Core.Model;

namespace Segmentation.NRules.Translation;

/// <summary>
/// The native semantics of a condition that depends on no other rule. TEMPORARY bridge until Core's
/// ConditionSemantics lands: evaluates the condition through a one-segment native engine.
/// </summary>
internal static class LeafSemantics
{
    public static bool IsLeaf(ConditionDefinition condition) => condition switch
    {
        ReferenceCondition or AllCondition or AnyCondition or NotCondition => false,
        ComparisonCondition { Source: ScoreSource } => false,
        _ => true,
    };

    public static Func<TProfile, DateTimeOffset, bool> Compile<TProfile>(ConditionDefinition condition)
    {
        var engine = SegmentEngine.Compile(
            new CatalogDefinition<TProfile>([new SegmentDefinition("leaf", "leaf", [condition])], [], []),
            new SegmentEngineOptions { PreferInterpretation = true });
        return (profile, asOf) =>
        {
            var result = engine.Evaluate(profile, asOf);
            return result.HasFaults ? throw result.Faults[0].Exception : result.IsIn("leaf");
        };
    }
}
