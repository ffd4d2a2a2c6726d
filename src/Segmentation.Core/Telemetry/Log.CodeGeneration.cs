using Microsoft.Extensions.Logging;

namespace Segmentation.Core.Telemetry;

/// <content>Messages about generating an engine's straight-line code (tiered compilation).</content>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Generated code for {Units} units in {Chunks} chunks in {DurationMs} ms; the engine now runs generated code")]
    public static partial void CodeGenerated(ILogger logger, int units, int chunks, double durationMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Code generation stopped after its budget of {BudgetMs} ms with {Generated} of {Chunks} chunks generated; the rest stays on the node network")]
    public static partial void CodeGenerationTimedOut(ILogger logger, int generated, int chunks, double budgetMs);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Generating code for chunk {Chunk} of {Chunks} failed; its units stay on the node network")]
    public static partial void CodeGenerationFailed(ILogger logger, Exception exception, int chunk, int chunks);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Generating the loop over collection {Collection} failed; it is scanned interpreted")]
    public static partial void ScanGenerationFailed(ILogger logger, Exception exception, string collection);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "The loop over collection {Collection} could not be emitted as non-collectible code ({Reason}); it runs as a collectible dynamic method, with the same results")]
    public static partial void LoopNotEmitted(ILogger logger, string collection, string reason);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Chunk {Chunk} of {Chunks} could not be emitted as non-collectible code ({Reason}); it runs as a collectible dynamic method, with the same results")]
    public static partial void ChunkNotEmitted(ILogger logger, int chunk, int chunks, string reason);

    [LoggerMessage(EventId = 26, Level = LogLevel.Information, Message = "The engine's code was promoted to methods the runtime tiers up ({Loops} loops and {Chunks} of {AllChunks} chunks) in {DurationMs} ms; that code stays in memory until the process ends")]
    public static partial void CodePromoted(ILogger logger, int loops, int chunks, int allChunks, double durationMs);

    [LoggerMessage(EventId = 27, Level = LogLevel.Information, Message = "The engine's code was not promoted to methods the runtime tiers up: {Engines} engines of this process already were, the most that are; it keeps its dynamic methods, with the same results")]
    public static partial void CodeNotPromoted(ILogger logger, int engines);

    [LoggerMessage(EventId = 28, Level = LogLevel.Warning, Message = "Promoting the engine's code to methods the runtime tiers up failed; the code promoted before the failure runs, the rest keeps its dynamic methods, with the same results")]
    public static partial void CodePromotionFailed(ILogger logger, Exception exception);
}
