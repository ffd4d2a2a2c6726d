using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Generates the code of a <see cref="CodeTier{TProfile}"/>'s chunks, in parallel, and publishes each one as soon as it is
/// compiled and jitted. The work is bounded: no chunk is started after the time budget is spent, so a slow generation
/// leaves the remaining chunks on the node network; a chunk whose generation throws stays on the network too. Either
/// outcome is logged and recorded as a <c>segmentation.codegen</c> activity.
/// </summary>
internal sealed class CodeTierCompiler<TProfile>
{
    /// <summary>The name of the activity recorded for each generation.</summary>
    public const string ActivityName = "segmentation.codegen";

    private readonly CodeTier<TProfile> tier;
    private readonly int[] uses;
    private readonly NetworkCompiler.CrossChunk shared;
    private readonly TimeSpan budget;
    private readonly ILogger? logger;
    private readonly Stopwatch stopwatch = new();
    private readonly ConcurrentQueue<(int Chunk, Exception Error)> failures = new();
    private int next = -1;
    private int skipped;

    private CodeTierCompiler(CodeTier<TProfile> tier, TimeSpan budget, ILogger? logger)
    {
        this.tier = tier;
        this.budget = budget;
        this.logger = logger;
        uses = NetworkCompiler.CountUses(tier.Network);
        shared = NetworkCompiler.SharedAcrossChunks(tier.Network, tier.Starts);
    }

    /// <summary>
    /// Generates every chunk, on <paramref name="parallelism"/> workers: on the calling thread (plus helpers) and
    /// returning when done when <paramref name="wait"/> is set, else entirely on the thread pool.
    /// The task's result is whether every unit now runs generated code.
    /// </summary>
    public static Task<bool> Generate(CodeTier<TProfile> tier, int parallelism, TimeSpan budget, ILogger? logger, bool wait)
    {
        if (tier.ChunkCount == 0)
        {
            return Task.FromResult(true);
        }

        var generation = new CodeTierCompiler<TProfile>(tier, budget, logger);
        generation.stopwatch.Start();
        var workers = Math.Clamp(parallelism, 1, tier.ChunkCount);
        if (!wait)
        {
            var all = new Task[workers];
            for (var i = 0; i < workers; i++)
            {
                all[i] = Task.Run(generation.Work);
            }

            return Task.WhenAll(all).ContinueWith(_ => generation.Finish(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        var helpers = new Task[workers - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Run(generation.Work);
        }

        generation.Work();
        Task.WaitAll(helpers);
        return Task.FromResult(generation.Finish());
    }

    private void Work()
    {
        while (true)
        {
            var chunk = Interlocked.Increment(ref next);
            if (chunk >= tier.ChunkCount)
            {
                return;
            }

            if (stopwatch.Elapsed > budget)
            {
                Interlocked.Increment(ref skipped);
                continue;
            }

            try
            {
                var code = NetworkCompiler.CompileChunk(tier.Network, uses, tier.UnitsOf(chunk), shared);
                code(null!); // Returns at once: makes the JIT compile the chunk here rather than on the first evaluation.
                tier.Publish(chunk, code);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Enqueue((chunk, ex));
            }
        }
    }

    private bool Finish()
    {
        var elapsed = stopwatch.Elapsed;
        var generated = tier.GeneratedChunks;
        var complete = tier.IsComplete;
        var outcome = complete ? "generated" : failures.IsEmpty ? "timed-out" : "failed";
        using (var activity = SegmentationTelemetry.ActivitySource.StartActivity(ActivityName))
        {
            activity?.SetStartTime(activity.StartTimeUtc - elapsed);
            activity?.SetTag("segmentation.codegen.units", tier.Network.Units.Length);
            activity?.SetTag("segmentation.codegen.chunks", tier.ChunkCount);
            activity?.SetTag("segmentation.codegen.generated", generated);
            activity?.SetTag("segmentation.codegen.outcome", outcome);
            if (!complete)
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        if (logger is null)
        {
            return complete;
        }

        if (complete)
        {
            Log.CodeGenerated(logger, tier.Network.Units.Length, tier.ChunkCount, elapsed.TotalMilliseconds);
        }
        else if (failures.IsEmpty)
        {
            Log.CodeGenerationTimedOut(logger, generated, tier.ChunkCount, budget.TotalMilliseconds);
        }
        else
        {
            foreach (var (chunk, error) in failures.OrderBy(f => f.Chunk))
            {
                Log.CodeGenerationFailed(logger, error, chunk, tier.ChunkCount);
            }
        }

        return complete;
    }
}
