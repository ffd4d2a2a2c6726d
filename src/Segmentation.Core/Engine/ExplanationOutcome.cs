namespace Segmentation.Core.Engine;

/// <summary>The outcome of one node of an explanation.</summary>
public enum ExplanationOutcome
{
    /// <summary>The condition held, or the profile is a member.</summary>
    Yes,

    /// <summary>The condition did not hold, or the profile is not a member.</summary>
    No,

    /// <summary>The condition threw, or depends on something that did.</summary>
    Faulted,
}
