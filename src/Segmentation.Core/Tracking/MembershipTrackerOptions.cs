namespace Segmentation.Core.Tracking;

/// <summary>Options for a <see cref="MembershipTracker{TProfile}"/>.</summary>
public sealed class MembershipTrackerOptions
{
    /// <summary>
    /// Whether each change carries the explanation of its segment (one more evaluation per change).
    /// The default value is <see langword="true"/>.
    /// </summary>
    public bool IncludeExplanations { get; set; } = true;

    /// <summary>The clock that measures evaluation durations for telemetry. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
