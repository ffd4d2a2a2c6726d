using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Segmentation.Core.Telemetry;

/// <summary>
/// The library's telemetry: one <see cref="System.Diagnostics.Metrics.Meter"/> and one <see cref="System.Diagnostics.ActivitySource"/>,
/// both named <see cref="Name"/>. Batch runs, membership tracking and back-tests record to them; the single-profile
/// <c>Evaluate</c> hot path does not, so it stays allocation-free.
/// </summary>
public static class SegmentationTelemetry
{
    /// <summary>The name of the meter and the activity source: <c>Segmentation.Core</c>.</summary>
    public const string Name = "Segmentation.Core";

    /// <summary>The counter of profile evaluations: <c>segmentation.evaluations</c>.</summary>
    public const string EvaluationsName = "segmentation.evaluations";

    /// <summary>The counter of faulted profile evaluations: <c>segmentation.faults</c>.</summary>
    public const string FaultsName = "segmentation.faults";

    /// <summary>The counter of segment matches, tagged with <see cref="SegmentTag"/>: <c>segmentation.segment.matches</c>.</summary>
    public const string MatchesName = "segmentation.segment.matches";

    /// <summary>The histogram of evaluation durations in seconds: <c>segmentation.evaluation.duration</c>.</summary>
    public const string DurationName = "segmentation.evaluation.duration";

    /// <summary>The span of one batch run: <c>segmentation.batch</c>.</summary>
    public const string BatchActivityName = "segmentation.batch";

    /// <summary>The tag carrying a segment, group or member id: <c>segmentation.segment.id</c>.</summary>
    public const string SegmentTag = "segmentation.segment.id";

    /// <summary>The batch span's tag with the number of profiles evaluated: <c>segmentation.batch.profiles</c>.</summary>
    public const string ProfileCountTag = "segmentation.batch.profiles";

    /// <summary>The batch span's tag with the number of faulted profiles: <c>segmentation.batch.faulted</c>.</summary>
    public const string FaultedCountTag = "segmentation.batch.faulted";

    /// <summary>The tag naming the operation that evaluated (<c>batch</c>, <c>tracking</c>): <c>segmentation.operation</c>.</summary>
    public const string OperationTag = "segmentation.operation";

    /// <summary>The meter.</summary>
    internal static Meter Meter { get; } = new(Name);

    /// <summary>The activity source.</summary>
    internal static ActivitySource ActivitySource { get; } = new(Name);

    internal static Counter<long> Evaluations { get; } = Meter.CreateCounter<long>(EvaluationsName, "{profile}", "Profiles evaluated.");

    internal static Counter<long> Faults { get; } = Meter.CreateCounter<long>(FaultsName, "{profile}", "Profiles whose evaluation faulted.");

    internal static Counter<long> Matches { get; } = Meter.CreateCounter<long>(MatchesName, "{match}", "Profiles found in a segment, per segment.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(DurationName, "s", "Duration of one profile evaluation.");
}
