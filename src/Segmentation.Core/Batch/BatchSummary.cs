namespace Segmentation.Core.Batch;

/// <summary>What a completed batch run found.</summary>
public sealed record BatchSummary
{
    /// <summary>The as-of instant of the run.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The number of profiles evaluated.</summary>
    public required long Profiles { get; init; }

    /// <summary>The number of profiles with at least one fault.</summary>
    public required long Faulted { get; init; }

    /// <summary>The number of members of every segment, group and group member id (zero included).</summary>
    public required IReadOnlyDictionary<string, long> SegmentCounts { get; init; }

    /// <summary>The number of profiles for which each segment, group, member or score faulted (only ids that faulted).</summary>
    public required IReadOnlyDictionary<string, long> FaultsBySegment { get; init; }

    /// <summary>The run's duration, from the first request for a result to the last result.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Profiles per second over <see cref="Duration"/>; 0 when the duration is zero.</summary>
    public double ProfilesPerSecond => Duration > TimeSpan.Zero ? Profiles / Duration.TotalSeconds : 0;
}
