using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Segmentation.Core.Engine;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Tracking;

/// <summary>
/// Evaluates a stream of profiles in parallel with bounded memory: the input (an <see cref="IEnumerable{T}"/> or an
/// <see cref="IAsyncEnumerable{T}"/>) is read in chunks and never materialized, results come back in input order or as
/// they complete, each with its input index, and a profile whose evaluation throws comes back as a faulted result.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class BatchRunner<TProfile>
{
    private readonly SegmentEngine<TProfile> engine;
    private readonly BatchRunnerOptions options;
    private readonly ILogger logger;
    private readonly Func<TProfile, string>? profileId;

    /// <summary>Creates a runner.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives "batch finished" and "profile faulted" messages; <see langword="null"/> for none.</param>
    public BatchRunner(SegmentEngine<TProfile> engine, BatchRunnerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        this.options = options ?? new BatchRunnerOptions();
        this.logger = logger ?? NullLogger.Instance;
        profileId = engine.RuleSet.Definition.ProfileId?.Compile(engine.IsInterpreted);
    }

    /// <summary>Prepares a run over profiles; evaluation starts when the run is enumerated.</summary>
    /// <param name="profiles">The profiles, read once, a chunk at a time.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <returns>The run.</returns>
    public BatchRun Run(IEnumerable<TProfile> profiles, DateTimeOffset asOf, IProgress<BatchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return Run(AsAsync(profiles, CancellationToken.None), asOf, progress);
    }

    /// <summary>Prepares a run over an asynchronous stream of profiles; evaluation starts when the run is enumerated.</summary>
    /// <param name="profiles">The profiles, read once, a chunk at a time.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <returns>The run.</returns>
    public BatchRun Run(IAsyncEnumerable<TProfile> profiles, DateTimeOffset asOf, IProgress<BatchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return new BatchRun((run, token) => Execute(run, profiles, asOf, progress, token));
    }

    /// <summary>Runs a batch to the end, handing every result to <paramref name="onResult"/>, and returns the summary.</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="onResult">Receives each result; <see langword="null"/> to keep only the summary.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The summary.</returns>
    public Task<BatchSummary> RunAsync(IEnumerable<TProfile> profiles, DateTimeOffset asOf, Func<BatchItem, ValueTask>? onResult = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Drain(Run(profiles, asOf, progress), onResult, cancellationToken);

    /// <summary>Runs a batch over an asynchronous stream to the end, handing every result to <paramref name="onResult"/>, and returns the summary.</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="onResult">Receives each result; <see langword="null"/> to keep only the summary.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The summary.</returns>
    public Task<BatchSummary> RunAsync(IAsyncEnumerable<TProfile> profiles, DateTimeOffset asOf, Func<BatchItem, ValueTask>? onResult = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Drain(Run(profiles, asOf, progress), onResult, cancellationToken);

    private static async Task<BatchSummary> Drain(BatchRun run, Func<BatchItem, ValueTask>? onResult, CancellationToken cancellationToken)
    {
        await foreach (var item in run.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (onResult is not null)
            {
                await onResult(item).ConfigureAwait(false);
            }
        }

        return await run.Completion.ConfigureAwait(false);
    }

    private async IAsyncEnumerable<BatchItem> Execute(BatchRun run, IAsyncEnumerable<TProfile> profiles, DateTimeOffset asOf, IProgress<BatchProgress>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = SegmentationTelemetry.ActivitySource.StartActivity(SegmentationTelemetry.BatchActivityName);
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var summary = new BatchSummaryBuilder(engine.MembershipIds, asOf);
        var chunks = BatchPipeline.Run(profiles, (chunk, token) => Evaluate(chunk, asOf, token), options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var finished = false;
        try
        {
            while (true)
            {
                BatchChunk<TProfile> chunk;
                try
                {
                    if (!await chunks.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    chunk = chunks.Current;
                }
                catch (Exception ex)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    run.Fail(ex);
                    throw;
                }

                for (var i = 0; i < chunk.Count; i++)
                {
                    var item = new BatchItem(chunk.FirstIndex + i, chunk.Results[i]);
                    summary.Add(item.Result);
                    if (item.IsFaulted)
                    {
                        Faulted(item, run);
                    }

                    yield return item;
                }

                progress?.Report(new BatchProgress(summary.Profiles, summary.Faulted, time.GetElapsedTime(started)));
            }

            finished = true;
        }
        finally
        {
            await chunks.DisposeAsync().ConfigureAwait(false);
            activity?.SetTag(SegmentationTelemetry.ProfileCountTag, summary.Profiles);
            activity?.SetTag(SegmentationTelemetry.FaultedCountTag, summary.Faulted);
            if (finished)
            {
                var result = summary.Build(time.GetElapsedTime(started));
                Log.BatchFinished(logger, result.Profiles, result.Faulted, result.Duration.TotalMilliseconds, result.ProfilesPerSecond);
                run.Complete(result);
            }
            else
            {
                run.Abandon();
            }
        }
    }

    private void Faulted(BatchItem item, BatchRun run)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            Log.ProfileFaulted(logger, item.Index, item.Result.ProfileId, item.Result.Faults[0].ToString());
        }

        if (options.FailFast)
        {
            var error = new SegmentEvaluationException((int)Math.Min(item.Index, int.MaxValue), item.Result);
            run.Fail(error);
            throw error;
        }
    }

    private void Evaluate(BatchChunk<TProfile> chunk, DateTimeOffset asOf, CancellationToken token)
    {
        var time = options.TimeProvider;
        var ids = engine.MembershipIds;
        for (var i = 0; i < chunk.Count; i++)
        {
            token.ThrowIfCancellationRequested();
            var started = time.GetTimestamp();
            var result = EvaluateOne(chunk.Profiles[i], asOf);
            chunk.Profiles[i] = default!;
            chunk.Results[i] = result;
            EvaluationRecorder.Record(result, ids, time.GetElapsedTime(started), "batch");
        }
    }

    private SegmentationResult EvaluateOne(TProfile profile, DateTimeOffset asOf)
    {
        try
        {
            return engine.Evaluate(profile, asOf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return engine.FaultedResult(SafeId(profile), asOf, ex);
        }
    }

    private string? SafeId(TProfile profile)
    {
        try
        {
            return profile is null || profileId is null ? null : profileId(profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static async IAsyncEnumerable<TProfile> AsAsync(IEnumerable<TProfile> profiles, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var profile in profiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return profile;
        }
    }
}
