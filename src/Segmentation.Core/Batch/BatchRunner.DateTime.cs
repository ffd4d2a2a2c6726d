using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <content>
/// Overloads taking the as-of instant as a <see cref="DateTime"/>, with the engine's rule (<see cref="AsOfTime.From"/>):
/// UTC and unspecified values are UTC, local ones are converted. Without them a <see cref="DateTime"/> argument would
/// bind to the <see cref="DateTimeOffset"/> overloads through the implicit conversion, which reads an unspecified value
/// in the machine's time zone.
/// </content>
public sealed partial class BatchRunner<TProfile>
{
    /// <summary>Prepares a run over profiles as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles, read once, a chunk at a time.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <returns>The run.</returns>
    public BatchRun Run(IEnumerable<TProfile> profiles, DateTime asOf, IProgress<BatchProgress>? progress = null) =>
        Run(profiles, AsOfTime.From(asOf), progress);

    /// <summary>Prepares a run over an asynchronous stream as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles, read once, a chunk at a time.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <returns>The run.</returns>
    public BatchRun Run(IAsyncEnumerable<TProfile> profiles, DateTime asOf, IProgress<BatchProgress>? progress = null) =>
        Run(profiles, AsOfTime.From(asOf), progress);

    /// <summary>Evaluates a list in parallel as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>The results, in input order.</returns>
    public SegmentationResult[] Evaluate(IReadOnlyList<TProfile> profiles, DateTime asOf, CancellationToken cancellationToken = default) =>
        Evaluate(profiles, AsOfTime.From(asOf), cancellationToken);

    /// <summary>Evaluates an array in parallel into caller storage as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>The number of profiles that faulted.</returns>
    public int Evaluate(TProfile[] profiles, DateTime asOf, SegmentState[] memberships, CancellationToken cancellationToken = default) =>
        Evaluate(profiles, AsOfTime.From(asOf), memberships, cancellationToken);

    /// <summary>Evaluates profiles into caller storage on the calling thread as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <returns>The number of profiles that faulted.</returns>
    public int Evaluate(ReadOnlySpan<TProfile> profiles, DateTime asOf, Span<SegmentState> memberships) =>
        Evaluate(profiles, AsOfTime.From(asOf), memberships);

    /// <summary>Runs a batch to the end as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="onResult">Receives each result; <see langword="null"/> to keep only the summary.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The summary.</returns>
    public Task<BatchSummary> RunAsync(IEnumerable<TProfile> profiles, DateTime asOf, Func<BatchItem, ValueTask>? onResult = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(profiles, AsOfTime.From(asOf), onResult, progress, cancellationToken);

    /// <summary>Runs a batch over an asynchronous stream to the end as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="onResult">Receives each result; <see langword="null"/> to keep only the summary.</param>
    /// <param name="progress">Receives progress after each chunk; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The summary.</returns>
    public Task<BatchSummary> RunAsync(IAsyncEnumerable<TProfile> profiles, DateTime asOf, Func<BatchItem, ValueTask>? onResult = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(profiles, AsOfTime.From(asOf), onResult, progress, cancellationToken);
}
