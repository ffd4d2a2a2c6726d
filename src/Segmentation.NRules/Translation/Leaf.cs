using Segmentation.Core.Model;

namespace Segmentation.NRules.Translation;

/// <summary>A condition that depends on no other rule, compiled to the native semantics, with its number, first owner and text.</summary>
internal sealed record Leaf<TProfile>(int Index, ConditionDefinition Condition, Func<TProfile, DateTimeOffset, bool> Holds, string OwnerId)
{
    /// <summary>The condition's text, computed once (describing a condition can be costly).</summary>
    public string Text { get; } = Condition.Describe();
}
