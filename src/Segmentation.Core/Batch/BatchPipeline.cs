using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Segmentation.Core.Batch;

/// <summary>
/// The one batch implementation: a producer cuts the input into chunks, workers evaluate them, and the consumer gets
/// them back in input order or as they complete. At most a fixed number of chunks is ever in flight (read but not yet
/// handed back), so memory is bounded however long the input is.
/// <para>
/// Cancellation returns in bounded time: the workers and the producer are asked to stop, and whatever has not stopped
/// after <see cref="BatchOptions.CancellationGracePeriod"/> (an input that ignores the token, an evaluation that never
/// returns) is abandoned; a <see cref="BatchCanceledException"/> then names what was not evaluated. The workers (which
/// read a list or an enumerable themselves) run on the library's own batch threads (<see cref="BatchThreads"/>), never
/// on thread-pool threads: an abandoned evaluation holds no pool thread, so the promise holds however many evaluations
/// earlier batches abandoned; and a synchronous caller (<see cref="Drain"/>) waits for the end and waits out the grace
/// period on its own thread while the workers hand the chunks over (<see cref="BatchFlow{TProfile}"/>).
/// </para>
/// </summary>
internal sealed class BatchPipeline<TProfile>
{
    private readonly BatchSource<TProfile> source;
    private readonly Action<BatchChunk<TProfile>, BatchWorker, CancellationToken> evaluate;
    private readonly BatchOptions options;
    private readonly int chunkSize;
    private readonly bool ordered;
    private readonly BatchWorker[] workers;
    private readonly SortedDictionary<long, long> deliveredAhead = [];
    private long deliveredPrefix;

    public BatchPipeline(BatchSource<TProfile> source, Action<BatchChunk<TProfile>, BatchWorker, CancellationToken> evaluate, BatchOptions options, int chunkSize, bool ordered)
    {
        this.source = source;
        this.evaluate = evaluate;
        this.options = options;
        this.chunkSize = chunkSize;
        this.ordered = ordered;
        // No more workers than chunks: a worker without a chunk would only wait.
        var chunks = source.Length is { } length ? Math.Max(1, (length + chunkSize - 1) / chunkSize) : long.MaxValue;
        workers = [.. Enumerable.Range(0, (int)Math.Min(options.MaxDegreeOfParallelism, chunks)).Select(_ => new BatchWorker())];
    }

    /// <summary>The number of profiles whose chunks were handed to the consumer.</summary>
    public long Delivered { get; private set; }

    /// <summary>
    /// Runs the batch to its end on behalf of a synchronous caller: each worker hands its evaluated chunks to
    /// <paramref name="take"/> (one at a time, in input order when ordered), and the calling thread only waits for the
    /// end, a failure of <paramref name="take"/> or the cancellation, then waits out the grace period. Once the caller
    /// stops waiting, no worker calls <paramref name="take"/> again, so an abandoned one never writes into its storage.
    /// </summary>
    public void Drain(Action<BatchChunk<TProfile>> take, CancellationToken cancellationToken)
    {
        var handing = new Lock();
        var closed = false;
        Exception? takeFailed = null;
        var pending = new Dictionary<long, BatchChunk<TProfile>>();
        var next = 0L;
        BatchFlow<TProfile>? flow = null; // HandOver reads it; no worker runs before Start.
        flow = new BatchFlow<TProfile>(source, evaluate, options, chunkSize, workers, HandOver, cancellationToken);
        var canceled = false;
        bool stopped;
        try
        {
            flow.Start();
            flow.Wait(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            canceled = true;
        }
        finally
        {
            lock (handing)
            {
                closed = true;
            }

            stopped = flow.Stop();
        }

        if (takeFailed is not null)
        {
            ExceptionDispatchInfo.Throw(takeFailed);
        }

        if (canceled)
        {
            throw Canceled(stopped, flow.ProducerStopped, cancellationToken);
        }

        void HandOver(BatchChunk<TProfile> chunk)
        {
            lock (handing)
            {
                if (closed)
                {
                    return;
                }

                try
                {
                    if (!ordered)
                    {
                        Take(chunk);
                        return;
                    }

                    pending[chunk.Sequence] = chunk;
                    while (pending.Remove(next, out var ready))
                    {
                        Take(ready);
                        next++;
                    }
                }
                catch (Exception ex)
                {
                    closed = true;
                    takeFailed = ex;
                    flow!.Interrupt();
                }
            }
        }

        void Take(BatchChunk<TProfile> chunk)
        {
            Deliver(chunk);
            take(chunk);
            flow!.Release();
        }
    }

    /// <summary>Runs the batch; the chunks come back evaluated. Enumerate once.</summary>
    public async IAsyncEnumerable<BatchChunk<TProfile>> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var flow = new BatchFlow<TProfile>(source, evaluate, options, chunkSize, workers, handOver: null, cancellationToken);
        flow.Start();
        var canceled = false;
        var stopped = false;
        try
        {
            var pending = new Dictionary<long, BatchChunk<TProfile>>();
            var next = 0L;
            while (true)
            {
                BatchChunk<TProfile>? chunk;
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!await flow.Reader.WaitToReadAsync(flow.Token).ConfigureAwait(false))
                    {
                        break;
                    }

                    if (!flow.Reader.TryRead(out chunk))
                    {
                        continue;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    canceled = true;
                    break;
                }

                if (!ordered)
                {
                    Deliver(chunk);
                    yield return chunk;
                    flow.Release();
                    continue;
                }

                pending[chunk.Sequence] = chunk;
                while (!cancellationToken.IsCancellationRequested && pending.Remove(next, out var ready))
                {
                    Deliver(ready);
                    yield return ready;
                    next++;
                    flow.Release();
                }
            }
        }
        finally
        {
            stopped = await flow.StopAsync().ConfigureAwait(false);
        }

        if (canceled)
        {
            throw Canceled(stopped, flow.ProducerStopped, cancellationToken);
        }
    }

    private void Deliver(BatchChunk<TProfile> chunk)
    {
        Delivered += chunk.Count;
        if (chunk.FirstIndex == deliveredPrefix)
        {
            deliveredPrefix += chunk.Count;
            while (deliveredAhead.Remove(deliveredPrefix, out var count))
            {
                deliveredPrefix += count;
            }
        }
        else
        {
            deliveredAhead[chunk.FirstIndex] = chunk.Count;
        }
    }

    private BatchCanceledException Canceled(bool stopped, bool producerStopped, CancellationToken cancellationToken)
    {
        var missing = new List<BatchRange>();
        var at = deliveredPrefix;
        foreach (var (start, count) in deliveredAhead)
        {
            if (start > at)
            {
                missing.Add(new BatchRange(at, start));
            }

            at = start + count;
        }

        var length = source.Length;
        if (length is null || at < length)
        {
            missing.Add(new BatchRange(at, length));
        }

        var abandoned = stopped ? [] : workers.Select(w => w.Current).Where(i => i >= 0).Order().ToArray();
        return new BatchCanceledException(Delivered, missing, abandoned, !producerStopped, cancellationToken);
    }
}
