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
    private readonly NetworkCompiler.CrossChunk shared;
    private readonly CollectionScanner<TProfile>[] scans;
    private readonly int chunks;
    private readonly TimeSpan budget;
    private readonly ILogger? logger;
    private readonly Stopwatch stopwatch = new();
    private readonly ConcurrentQueue<(int Chunk, Exception Error)> failures = new();
    private readonly ConcurrentQueue<(string Collection, Exception Error)> scanFailures = new();
    private readonly ConcurrentQueue<(int Chunk, string Reason)> chunksNotEmitted = new();
    private readonly bool emitChunks;
    private int next = -1;
    private int skipped;
    private int running;

    private CodeTierCompiler(CodeTier<TProfile> tier, bool generateUnits, bool emitChunks, TimeSpan budget, ILogger? logger)
    {
        this.tier = tier;
        this.emitChunks = emitChunks;
        scans = [.. tier.Network.Collections.Where(c => c.HasPendingCode)];
        chunks = generateUnits ? tier.ChunkCount : 0;
        this.budget = budget;
        this.logger = logger;
        shared = NetworkCompiler.SharedAcrossChunks(tier.Network, tier.Starts);
    }

    /// <summary>
    /// Generates the collections' fused loops still to be generated, then (when <paramref name="generateUnits"/>) every
    /// chunk, on <paramref name="parallelism"/> workers: on the calling thread (plus helpers from the thread pool) and
    /// returning when done when <paramref name="wait"/> is set, else entirely in the background, on the process's
    /// code-generation threads (<see cref="CodeGenerationThreads"/>), never on the thread pool. The task's result is
    /// whether every unit now runs generated code. With <paramref name="emitChunks"/>, chunks are emitted as methods the
    /// runtime tiers up (see <see cref="NetworkCompiler.MaxEmittedChunks"/>); one that cannot be is logged and compiled as before.
    /// </summary>
    public static Task<bool> Generate(CodeTier<TProfile> tier, bool generateUnits, bool emitChunks, int parallelism, TimeSpan budget, ILogger? logger, bool wait)
    {
        var generation = new CodeTierCompiler<TProfile>(tier, generateUnits, emitChunks, budget, logger);
        if (generation.Jobs == 0)
        {
            return Task.FromResult(generateUnits);
        }

        generation.stopwatch.Start();
        var workers = Math.Clamp(parallelism, 1, generation.Jobs);
        if (!wait)
        {
            var all = new Task[workers];
            for (var i = 0; i < workers; i++)
            {
                all[i] = CodeGenerationThreads.Run(generation.Work);
            }

            return Task.WhenAll(all).ContinueWith(_ => generation.Finish(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        for (var i = 1; i < workers; i++)
        {
            _ = Task.Run(generation.Work);
        }

        generation.Work();

        // Every job is taken: wait for those the helpers are still running, not for helpers the pool has not started
        // yet (they would find nothing left), so that a busy thread pool cannot hold up the return.
        SpinWait.SpinUntil(() => Volatile.Read(ref generation.running) == 0);
        return Task.FromResult(generation.Finish());
    }

    /// <summary>The fused loops, then the chunks.</summary>
    private int Jobs => scans.Length + chunks;

    private void Work()
    {
        while (RunNextJob())
        {
        }
    }

    /// <summary>
    /// Takes the next job and runs it; false when none is left. A job counts as running from before it is taken, so
    /// that once every job is taken, <see cref="running"/> at zero means every job is done.
    /// </summary>
    private bool RunNextJob()
    {
        Interlocked.Increment(ref running);
        try
        {
            var job = Interlocked.Increment(ref next);
            if (job >= Jobs)
            {
                return false;
            }

            if (budget != Timeout.InfiniteTimeSpan && stopwatch.Elapsed > budget)
            {
                Interlocked.Increment(ref skipped);
            }
            else if (job < scans.Length)
            {
                CompileScan(scans[job]);
            }
            else
            {
                CompileChunk(job - scans.Length);
            }

            return true;
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    private void CompileScan(CollectionScanner<TProfile> scan)
    {
        try
        {
            scan.CompileCode();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            scanFailures.Enqueue((scan.Name, ex));
        }
    }

    /// <summary>Logs each collection loop compiled as a dynamic method although non-collectible code was asked for, with the reason.</summary>
    public static void LogLoopsNotEmitted(Network<TProfile> network, ILogger? logger)
    {
        if (logger is null)
        {
            return;
        }

        foreach (var scan in network.Collections)
        {
            if (scan.LoopNotEmittedBecause is { } reason)
            {
                Log.LoopNotEmitted(logger, scan.Name, reason);
            }
        }
    }

    private void CompileChunk(int chunk)
    {
        try
        {
            var code = NetworkCompiler.CompileChunk(tier.Network, tier.UnitsOf(chunk), shared, emitChunks);
            if (emitChunks && EmittedMethods.WhyNotEmitted(code) is { } reason)
            {
                chunksNotEmitted.Enqueue((chunk, reason));
            }

            code(null!); // Returns at once: makes the JIT compile the chunk here rather than on the first evaluation.
            tier.Publish(chunk, code);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures.Enqueue((chunk, ex));
        }
    }

    private bool Finish()
    {
        if (logger is not null)
        {
            foreach (var (collection, error) in scanFailures)
            {
                Log.ScanGenerationFailed(logger, error, collection);
            }

            LogLoopsNotEmitted(tier.Network, logger);
            foreach (var (chunk, reason) in chunksNotEmitted.OrderBy(c => c.Chunk))
            {
                Log.ChunkNotEmitted(logger, chunk, tier.ChunkCount, reason);
            }
        }

        if (chunks == 0)
        {
            // Only the loops were generated: the catalog is above the size limit for generated units.
            return false;
        }

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
