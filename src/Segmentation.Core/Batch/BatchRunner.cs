using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Segmentation.Core.Engine;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Batch;

/// <summary>
/// Evaluates a stream of profiles in parallel with bounded memory: the input (an <see cref="IEnumerable{T}"/> or an
/// <see cref="IAsyncEnumerable{T}"/>) is read in chunks and never materialized, results come back in input order or as
/// they complete, each with its input index, and a profile whose evaluation throws comes back as a faulted result.
/// It works with any <see cref="ISegmentEngine{TProfile}"/> (the native engine, the NRules backend) and runs on the
/// same implementation and <see cref="BatchOptions"/> as <c>EvaluateBatch</c>, which is
/// <see cref="Evaluate(IReadOnlyList{TProfile}, DateTimeOffset, CancellationToken)"/> without the runner.
/// <para>
/// Progress is reporting only: a progress callback that throws is logged and the run goes on. Cancellation returns
/// within <see cref="BatchOptions.CancellationGracePeriod"/> even when the input ignores the token or an evaluation
/// never returns, with a <see cref="BatchCanceledException"/> naming the input positions not evaluated.
/// </para>
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed partial class BatchRunner<TProfile>
{
    private const int StreamChunkSize = 256;
    private readonly ISegmentEngine<TProfile> engine;
    private readonly BatchOptions options;
    private readonly ILogger logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="engine">The engine: the native <see cref="SegmentEngine{TProfile}"/> (evaluated through its own per-profile path, no interface call per profile) or any other <see cref="ISegmentEngine{TProfile}"/>.</param>
    /// <param name="options">Options, validated and copied now; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives "batch finished", "profile faulted", "batch cancelled" and "progress callback threw" messages from <c>Run</c> and <c>RunAsync</c>; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">An option is invalid; every problem is listed.</exception>
    public BatchRunner(ISegmentEngine<TProfile> engine, BatchOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        this.options = BatchOptionsValidator.Checked(options, nameof(options));
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Prepares a run over profiles; evaluation starts when the run is enumerated.</summary>
    /// <param name="profiles">The profiles, read once, a chunk at a time.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none. If it throws, the run goes on.</param>
    /// <returns>The run.</returns>
    public BatchRun Run(IEnumerable<TProfile> profiles, DateTimeOffset asOf, IProgress<BatchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return Run(BatchSource<TProfile>.Of(profiles), asOf, progress);
    }

    /// <summary>Prepares a run over an asynchronous stream of profiles; evaluation starts when the run is enumerated.</summary>
    /// <param name="profiles">The profiles, read once, a chunk at a time.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none. If it throws, the run goes on.</param>
    /// <returns>The run.</returns>
    public BatchRun Run(IAsyncEnumerable<TProfile> profiles, DateTimeOffset asOf, IProgress<BatchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return Run(BatchSource<TProfile>.Of(profiles), asOf, progress);
    }

    /// <summary>
    /// Evaluates a list in parallel, returning one result per profile in input order (what <c>EvaluateBatch</c> does,
    /// with this runner's options). A profile that faults, throws or is <see langword="null"/> comes back as a faulted
    /// result; nothing is dropped. <see cref="BatchOptions.Ordered"/> does not apply: results are placed by index.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="cancellationToken">Cancels the batch; it returns within <see cref="BatchOptions.CancellationGracePeriod"/> even when an evaluation does not stop.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="SegmentEvaluationException">A profile faulted and <see cref="BatchOptions.FailFast"/> is set (the first faulted profile in input order).</exception>
    /// <exception cref="BatchCanceledException">The batch was cancelled; it names the profiles not evaluated.</exception>
    public SegmentationResult[] Evaluate(IReadOnlyList<TProfile> profiles, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return ListBatch.Results(BatchEvaluator<TProfile>.For(engine, asOf, options.TimeProvider), profiles, options, cancellationToken);
    }

    /// <summary>
    /// Evaluates an array in parallel into caller storage: row <c>i</c> of <paramref name="memberships"/>
    /// (<see cref="ISegmentEngine{TProfile}.MembershipIds"/> entries wide) receives profile <c>i</c>; a profile that is
    /// <see langword="null"/> or whose evaluation throws gets a row of <see cref="SegmentState.Faulted"/>. Allocates per
    /// chunk, not per profile. When cancelled, the rows of the profiles named by the <see cref="BatchCanceledException"/>
    /// are left as they were, and an abandoned worker never writes into the buffer. Fail-fast does not apply: check the
    /// returned count.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <param name="cancellationToken">Cancels the batch; it returns within <see cref="BatchOptions.CancellationGracePeriod"/> even when an evaluation does not stop.</param>
    /// <returns>The number of profiles that faulted.</returns>
    /// <exception cref="ArgumentException">The buffer is too small.</exception>
    /// <exception cref="BatchCanceledException">The batch was cancelled; it names the profiles not evaluated.</exception>
    public int Evaluate(TProfile[] profiles, DateTimeOffset asOf, SegmentState[] memberships, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(memberships);
        return ListBatch.Matrix(BatchEvaluator<TProfile>.For(engine, asOf, options.TimeProvider), profiles, memberships, options, cancellationToken);
    }

    /// <summary>
    /// Evaluates profiles on the calling thread into caller storage (what the engines' span <c>EvaluateBatch</c> does):
    /// row <c>i</c> of <paramref name="memberships"/> receives profile <c>i</c>; a profile that is <see langword="null"/>
    /// or whose evaluation throws gets a row of <see cref="SegmentState.Faulted"/>. The options do not apply.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <returns>The number of profiles that faulted.</returns>
    /// <exception cref="ArgumentException">The buffer is too small.</exception>
    public int Evaluate(ReadOnlySpan<TProfile> profiles, DateTimeOffset asOf, Span<SegmentState> memberships) =>
        BatchEvaluator<TProfile>.For(engine, asOf, options.TimeProvider).Rows(profiles, memberships);

    /// <summary>Runs a batch to the end, handing every result to <paramref name="onResult"/>, and returns the summary.</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="onResult">Receives each result; <see langword="null"/> to keep only the summary.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none. If it throws, the run goes on.</param>
    /// <param name="cancellationToken">Cancels the run (see <see cref="BatchOptions.CancellationGracePeriod"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="BatchCanceledException">The run was cancelled; it names the input positions not evaluated.</exception>
    public Task<BatchSummary> RunAsync(IEnumerable<TProfile> profiles, DateTimeOffset asOf, Func<BatchItem, ValueTask>? onResult = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Drain(Run(profiles, asOf, progress), onResult, cancellationToken);

    /// <summary>Runs a batch over an asynchronous stream to the end, handing every result to <paramref name="onResult"/>, and returns the summary.</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="onResult">Receives each result; <see langword="null"/> to keep only the summary.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none. If it throws, the run goes on.</param>
    /// <param name="cancellationToken">Cancels the run (see <see cref="BatchOptions.CancellationGracePeriod"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="BatchCanceledException">The run was cancelled; it names the input positions not evaluated.</exception>
    public Task<BatchSummary> RunAsync(IAsyncEnumerable<TProfile> profiles, DateTimeOffset asOf, Func<BatchItem, ValueTask>? onResult = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Drain(Run(profiles, asOf, progress), onResult, cancellationToken);

    private BatchRun Run(BatchSource<TProfile> source, DateTimeOffset asOf, IProgress<BatchProgress>? progress) =>
        new((run, token) => Execute(run, source, asOf, progress, token));

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

    private async IAsyncEnumerable<BatchItem> Execute(BatchRun run, BatchSource<TProfile> source, DateTimeOffset asOf, IProgress<BatchProgress>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = SegmentationTelemetry.ActivitySource.StartActivity(SegmentationTelemetry.BatchActivityName);
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var summary = new BatchSummaryBuilder(engine.MembershipIds, asOf);
        var evaluator = BatchEvaluator<TProfile>.For(engine, asOf, time);
        var pipeline = new BatchPipeline<TProfile>(source, evaluator.Results, options, options.ChunkSize ?? StreamChunkSize, options.Ordered);
        var chunks = pipeline.RunAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
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
                    if (ex is BatchCanceledException canceled)
                    {
                        Log.BatchCanceled(logger, canceled.Message);
                    }

                    run.Fail(ex);
                    throw;
                }

                var results = chunk.Results!;
                for (var i = 0; i < chunk.Count; i++)
                {
                    var item = new BatchItem(chunk.FirstIndex + i, results[i]);
                    summary.Add(item.Result);
                    if (item.IsFaulted)
                    {
                        Faulted(item, run);
                    }

                    yield return item;
                }

                Report(progress, new BatchProgress(summary.Profiles, summary.Faulted, time.GetElapsedTime(started)));
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

    /// <summary>Reports progress; progress is reporting only, so a callback that throws is logged and the run goes on.</summary>
    private void Report(IProgress<BatchProgress>? progress, BatchProgress value)
    {
        if (progress is null)
        {
            return;
        }

        try
        {
            progress.Report(value);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ProgressFailed(logger, ex);
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
}
