using System.Runtime.CompilerServices;

namespace Segmentation.Core.Batch;

/// <summary>
/// The one batch implementation: a producer cuts the input into chunks, workers evaluate them, and the consumer gets
/// them back in input order or as they complete. At most a fixed number of chunks is ever in flight (read but not yet
/// handed back), so memory is bounded however long the input is.
/// <para>
/// Cancellation returns in bounded time: the workers and the producer are asked to stop, and whatever has not stopped
/// after <see cref="BatchOptions.CancellationGracePeriod"/> (an input that ignores the token, an evaluation that never
/// returns) is abandoned; a <see cref="BatchCanceledException"/> then names what was not evaluated. The workers, and the
/// reader of a list or an enumerable, run on the library's own batch threads (<see cref="BatchThreads"/>), never on
/// thread-pool threads: an abandoned evaluation holds no pool thread, so the promise holds however many evaluations
/// earlier batches abandoned; and a synchronous caller (<see cref="Drain"/>) takes the chunks and waits out the grace
/// period on its own thread (<see cref="BatchFlow{TProfile}"/>).
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
    /// Runs the batch to its end on behalf of a synchronous caller, handing each evaluated chunk to <paramref name="take"/>
    /// on the calling thread; the calling thread also waits out the grace period when cancelled.
    /// </summary>
    public void Drain(Action<BatchChunk<TProfile>> take, CancellationToken cancellationToken)
    {
        var flow = new BatchFlow<TProfile>(source, evaluate, options, chunkSize, workers, synchronous: true, cancellationToken);
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
                    if (!flow.TryTake(out chunk, cancellationToken))
                    {
                        break;
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
                    take(chunk);
                    flow.Release();
                    continue;
                }

                pending[chunk.Sequence] = chunk;
                while (!cancellationToken.IsCancellationRequested && pending.Remove(next, out var ready))
                {
                    Deliver(ready);
                    take(ready);
                    next++;
                    flow.Release();
                }
            }
        }
        finally
        {
            stopped = flow.Stop();
        }

        if (canceled)
        {
            throw Canceled(stopped, flow.ProducerStopped, cancellationToken);
        }
    }

    /// <summary>Runs the batch; the chunks come back evaluated. Enumerate once.</summary>
    public async IAsyncEnumerable<BatchChunk<TProfile>> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var flow = new BatchFlow<TProfile>(source, evaluate, options, chunkSize, workers, synchronous: false, cancellationToken);
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
