using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The last step of <see cref="GeneratedCodeLifetime.Automatic"/>: once an engine whose units all run generated code has
/// made <see cref="Threshold"/> evaluations on one thread, its collections' loops and its chunks are generated again,
/// on the code-generation threads, as methods of <see cref="EmittedMethods"/>' assembly, which the runtime tiers up with
/// profile-guided optimization, and each replaces its dynamic method as soon as it is jitted (the swap is as safe as
/// <see cref="CodeTier{TProfile}"/>'s: same frame, same results). It happens at most once per engine, and only while
/// the <see cref="CodePromotionBudget"/> lasts, since that code is never unloaded.
/// </summary>
internal sealed class CodePromotion<TProfile>(CodeTier<TProfile> tier, int threshold, CodePromotionBudget budget, ILogger? logger)
{
    private readonly TaskCompletionSource<bool> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int requested;

    /// <summary>The evaluations one thread makes (its frame's epoch) before the promotion is requested.</summary>
    public int Threshold { get; } = threshold;

    /// <summary>Completes when the promotion has run (true: some code was promoted; false: the emitter declined it all) or was declined for want of budget (false).</summary>
    public Task<bool> Completion => done.Task;

    /// <summary>Starts the promotion in the background, the first time only; declined when the budget is spent.</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref requested, 1) != 0)
        {
            return;
        }

        if (!budget.TryTake())
        {
            if (logger is not null)
            {
                Log.CodeNotPromoted(logger, budget.Engines);
            }

            done.SetResult(false);
            return;
        }

        _ = CodeGenerationThreads.Run(Promote);
    }

    private void Promote()
    {
        var stopwatch = Stopwatch.StartNew();
        int loops = 0, chunks = 0;
        try
        {
            foreach (var scan in tier.Network.Collections)
            {
                loops += scan.PromoteLoop() ? 1 : 0;
            }

            var shared = NetworkCompiler.SharedAcrossChunks(tier.Network, tier.Starts);
            for (var chunk = 0; chunk < tier.ChunkCount; chunk++)
            {
                var code = NetworkCompiler.CompileChunk(tier.Network, tier.UnitsOf(chunk), shared, emit: true);
                if (!EmittedMethods.Emitted(code))
                {
                    // The emitter declined it: the dynamic method already running is the same code.
                    continue;
                }

                code(null!); // Returns at once: the JIT compiles the first tier here, not in an evaluation.
                tier.Replace(chunk, code);
                chunks++;
            }

            if (logger is not null)
            {
                Log.CodePromoted(logger, loops, chunks, tier.ChunkCount, stopwatch.Elapsed.TotalMilliseconds);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (logger is not null)
            {
                Log.CodePromotionFailed(logger, ex);
            }
        }

        if (loops + chunks == 0)
        {
            // Nothing could be emitted: the engine leaves no code behind, so its share goes back.
            budget.Return();
        }

        done.SetResult(loops + chunks > 0);
    }
}
