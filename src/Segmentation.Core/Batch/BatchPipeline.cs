using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Segmentation.Core.Batch;

/// <summary>
/// The one batch implementation: a producer cuts the input into chunks, workers evaluate them, and the consumer gets
/// them back in input order or as they complete. At most a fixed number of chunks is ever in flight (read but not yet
/// handed back), so memory is bounded however long the input is.
/// <para>
/// Cancellation returns in bounded time: the workers and the producer are asked to stop, and whatever has not stopped
/// after <see cref="BatchOptions.CancellationGracePeriod"/> (an input that ignores the token, an evaluation that never
/// returns) is abandoned; a <see cref="BatchCanceledException"/> then names what was not evaluated.
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

    /// <summary>Runs the batch to its end on behalf of a synchronous caller, handing each evaluated chunk to <paramref name="take"/>.</summary>
    public void Drain(Action<BatchChunk<TProfile>> take, CancellationToken cancellationToken)
    {
        DrainAsync().GetAwaiter().GetResult();

        async Task DrainAsync()
        {
            await foreach (var chunk in RunAsync(cancellationToken).ConfigureAwait(false))
            {
                take(chunk);
            }
        }
    }

    /// <summary>Runs the batch; the chunks come back evaluated. Enumerate once.</summary>
    public async IAsyncEnumerable<BatchChunk<TProfile>> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancel.Token;
        var window = new SemaphoreSlim(options.MaxChunksInFlight ?? (2 * options.MaxDegreeOfParallelism));
        var input = Channel.CreateBounded<BatchChunk<TProfile>>(new BoundedChannelOptions(workers.Length) { SingleWriter = true });
        var output = Channel.CreateUnbounded<BatchChunk<TProfile>>(new UnboundedChannelOptions { SingleReader = true });
        var producer = Task.Run(() => Produce(input.Writer, window, token), CancellationToken.None);
        var working = workers.Select(worker => Task.Run(() => Work(input.Reader, output.Writer, worker, token), CancellationToken.None)).ToArray();
        var all = Task.WhenAll([producer, .. working])
            .ContinueWith(t => output.Writer.TryComplete(ErrorOf(t, token)), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
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
                    if (!await output.Reader.WaitToReadAsync(token).ConfigureAwait(false))
                    {
                        break;
                    }

                    if (!output.Reader.TryRead(out chunk))
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
                    window.Release();
                    continue;
                }

                pending[chunk.Sequence] = chunk;
                while (!cancellationToken.IsCancellationRequested && pending.Remove(next, out var ready))
                {
                    Deliver(ready);
                    yield return ready;
                    next++;
                    window.Release();
                }
            }
        }
        finally
        {
            await cancel.CancelAsync().ConfigureAwait(false);
            stopped = await Stopped(all).ConfigureAwait(false);
            if (stopped)
            {
                cancel.Dispose();
                window.Dispose();
            }
        }

        if (canceled)
        {
            throw Canceled(stopped, producer.IsCompleted, cancellationToken);
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

    private async Task<bool> Stopped(Task all)
    {
        var grace = options.CancellationGracePeriod;
        if (all.IsCompleted || grace == Timeout.InfiniteTimeSpan)
        {
            await all.ConfigureAwait(false);
            return true;
        }

        using var timer = new CancellationTokenSource();
        var delay = Task.Delay(grace, options.TimeProvider, timer.Token);
        var first = await Task.WhenAny(all, delay).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        return first == all;
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

    private async Task Produce(ChannelWriter<BatchChunk<TProfile>> writer, SemaphoreSlim window, CancellationToken token)
    {
        try
        {
            await source.ProduceAsync(Dispatch, chunkSize, token).ConfigureAwait(false);
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }

        async ValueTask Dispatch(BatchChunk<TProfile> chunk)
        {
            await window.WaitAsync(token).ConfigureAwait(false);
            await writer.WriteAsync(chunk, token).ConfigureAwait(false);
        }
    }

    private async Task Work(ChannelReader<BatchChunk<TProfile>> reader, ChannelWriter<BatchChunk<TProfile>> writer, BatchWorker worker, CancellationToken token)
    {
        await foreach (var chunk in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            evaluate(chunk, worker, token);
            await writer.WriteAsync(chunk, token).ConfigureAwait(false);
        }
    }

    private static Exception? ErrorOf(Task task, CancellationToken token)
    {
        if (task.IsFaulted)
        {
            var errors = task.Exception!.Flatten().InnerExceptions;
            return errors.FirstOrDefault(e => e is not OperationCanceledException and not ChannelClosedException) ?? errors[0];
        }

        return task.IsCanceled ? new OperationCanceledException(token) : null;
    }
}
