namespace Segmentation.Core.Tracking;

/// <summary>Options for a <see cref="MembershipTracker{TProfile}"/>.</summary>
public sealed class MembershipTrackerOptions
{
    /// <summary>
    /// Whether each change carries the explanation of its segment (one more evaluation per change); its summary line is the
    /// reason a store's history keeps. The default value is <see langword="true"/>.
    /// </summary>
    public bool IncludeExplanations { get; set; } = true;

    /// <summary>The clock that measures evaluation durations for telemetry and stamps runs' start and end. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How many profiles a tracking run reads and commits at once (one store read and one transaction per batch); at least 1.
    /// The default value is 500.
    /// </summary>
    public int BatchSize { get; set; } = 500;
}
