namespace Segmentation.Core.Engine.Network;

internal sealed record NetworkShape(int Collections, int Accumulators, int Values, int Conditions, int Memberships, int Scores, int Groups, int DayBuffers, int ValueBuffers, int TextIndexes = 0)
{
    /// <summary>The number of <see cref="Frame{TProfile}.CodeStamps"/>: one per value, per text index and per value's rank.</summary>
    public int CodeStamps => Values + TextIndexes + Values;

    /// <summary>The stamp of a value generated code keeps for later chunks.</summary>
    public int ValueStamp(int value) => value;

    /// <summary>The stamp of a text index's answer generated code keeps for later chunks.</summary>
    public int TextStamp(int number) => Values + number;

    /// <summary>The stamp of a value's rank among its thresholds generated code keeps for later chunks.</summary>
    public int RankStamp(int value) => Values + TextIndexes + value;
}
