namespace Segmentation.Core.Batch;

/// <summary>
/// A batch run started by a <see cref="BatchRunner{TProfile}"/>: enumerate it (once) to receive the results, then read
/// <see cref="Completion"/> for the <see cref="BatchSummary"/>. Nothing is evaluated until enumeration starts.
/// </summary>
public sealed class BatchRun : IAsyncEnumerable<BatchItem>
{
    private readonly Func<BatchRun, CancellationToken, IAsyncEnumerable<BatchItem>> run;
    private readonly TaskCompletionSource<BatchSummary> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int started;

    internal BatchRun(Func<BatchRun, CancellationToken, IAsyncEnumerable<BatchItem>> run) => this.run = run;

    /// <summary>Completes with the summary when the results have been enumerated to the end; faults or cancels when the run does.</summary>
    public Task<BatchSummary> Completion => completion.Task;

    /// <summary>Starts the run and returns its results.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The enumerator.</returns>
    /// <exception cref="InvalidOperationException">The run was already enumerated.</exception>
    public IAsyncEnumerator<BatchItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            throw new InvalidOperationException("A batch run can be enumerated only once; start another run to evaluate again.");
        }

        return run(this, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    internal void Complete(BatchSummary summary) => completion.TrySetResult(summary);

    internal void Fail(Exception exception)
    {
        if (exception is OperationCanceledException canceled)
        {
            completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            completion.TrySetException(exception);
        }
    }

    internal void Abandon() => completion.TrySetCanceled();
}
