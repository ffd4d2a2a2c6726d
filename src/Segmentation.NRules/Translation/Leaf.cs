using Segmentation.Core.Model;

namespace Segmentation.NRules.Translation;

/// <summary>A condition that depends on no other rule, compiled to the native semantics, with its number and first owner.</summary>
internal sealed record Leaf<TProfile>(int Index, ConditionDefinition Condition, Func<TProfile, DateTimeOffset, bool> Holds, string OwnerId)
{
    public string Text => Condition.Describe();
}
