using Microsoft.Extensions.Logging;

namespace Segmentation.Core.Telemetry;

/// <summary>The library's log messages, source-generated; only noteworthy events are logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Batch finished: {Profiles} profiles, {Faulted} faulted, in {DurationMs} ms ({ProfilesPerSecond} profiles/s)")]
    public static partial void BatchFinished(ILogger logger, long profiles, long faulted, double durationMs, double profilesPerSecond);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Profile #{Index} ({ProfileId}) faulted: {Fault}")]
    public static partial void ProfileFaulted(ILogger logger, long index, string? profileId, string fault);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Tracking profile {ProfileId} as of {AsOf}: {Fault}; the previous membership is kept")]
    public static partial void TrackedSegmentFaulted(ILogger logger, string profileId, DateTimeOffset asOf, string fault);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "A batch progress callback threw; progress is reporting only, so the run goes on")]
    public static partial void ProgressFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Batch cancelled: {Message}")]
    public static partial void BatchCanceled(ILogger logger, string message);
}
