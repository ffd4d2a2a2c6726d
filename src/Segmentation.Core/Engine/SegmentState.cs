namespace Segmentation.Core.Engine;

/// <summary>The outcome for one segment, group, or group member in one evaluation.</summary>
public enum SegmentState : byte
{
    /// <summary>The profile is not a member.</summary>
    Out = 0,

    /// <summary>The profile is a member.</summary>
    In = 1,

    /// <summary>Membership could not be decided: a condition threw, or the outcome depends on a faulted segment.</summary>
    Faulted = 2,
}
