namespace Segmentation.Core.Engine.Network;

/// <summary>Where a condition node stands in a frame: not computed yet, decided, or faulted (it or what it needs threw).</summary>
internal enum ConditionState : byte
{
    Pending = 0,
    True = 1,
    False = 2,
    Faulted = 3,
}

/// <summary>Where a value node stands in a frame: not computed yet, a value, no value (such as the average of no facts), or faulted.</summary>
internal enum ValueState : byte
{
    Pending = 0,
    Present = 1,
    Absent = 2,
    Faulted = 3,
}
