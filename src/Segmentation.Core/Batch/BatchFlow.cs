using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Segmentation.Core.Batch;

/// <summary>
/// One run of a <see cref="BatchPipeline{TProfile}"/>: the workers (which read a list or an enumerable themselves) and
/// the producer that reads an asynchronous stream ahead of them, each on a batch thread (<see cref="BatchThreads"/>, never a
/// thread-pool thread), how the evaluated chunks reach the consumer, and how the run stops. A synchronous consumer has
/// each worker hand its chunks over (<c>handOver</c>, serialized by the consumer) and only waits, on its own thread,
/// for the end, a failure or the cancellation, then waits out the grace period there: a synchronous batch over a list
/// or an enumerable needs no thread-pool thread at all, and its thread wakes once, not once per chunk. An asynchronous
/// consumer reads a channel.
/// </summary>
internal sealed class BatchFlow<TProfile>
{
    private readonly BatchSource<TProfile> source;
    private readonly BatchOptions options;
    private readonly int chunkSize;
    private readonly CancellationTokenSource cancel;
    private readonly SemaphoreSlim window;
    private readonly BlockingCollection<BatchChunk<TProfile>>? input;
    private readonly BatchWorker[] workers;
    private readonly Action<BatchChunk<TProfile>, BatchWorker, CancellationToken> evaluate;
    private readonly Action<BatchChunk<TProfile>>? handOver;
    private readonly Channel<BatchChunk<TProfile>>? evaluatedAsync;
    private readonly ManualResetEventSlim stopped = new();
    private readonly ManualResetEventSlim attention = new();
    private readonly TaskCompletionSource stoppedAsync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private int running;
    private Exception? failure;
    private volatile bool producerStopped;

    /// <summary>
    /// Prepares a run; <see cref="Start"/> starts it. <c>handOver</c> is called by the workers with each evaluated chunk,
    /// for a synchronous consumer (it must not throw); <see langword="null"/> for an asynchronous consumer, which reads
    /// <see cref="Reader"/>.
    /// </summary>
    public BatchFlow(BatchSource<TProfile> source, Action<BatchChunk<TProfile>, BatchWorker, CancellationToken> evaluate, BatchOptions options, int chunkSize, BatchWorker[] workers, Action<BatchChunk<TProfile>>? handOver, CancellationToken cancellationToken)
    {
        this.source = source;
        this.evaluate = evaluate;
        this.options = options;
        this.chunkSize = chunkSize;
        this.workers = workers;
        this.handOver = handOver;
        cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window = new SemaphoreSlim(options.MaxChunksInFlight ?? (2 * options.MaxDegreeOfParallelism));
        if (handOver is null)
        {
            evaluatedAsync = Channel.CreateUnbounded<BatchChunk<TProfile>>(new UnboundedChannelOptions { SingleReader = true });
        }

        if (source.ReadByWorkers)
        {
            running = workers.Length;
        }
        else
        {
            input = new BlockingCollection<BatchChunk<TProfile>>(new ConcurrentQueue<BatchChunk<TProfile>>());
            running = workers.Length + 1;
        }
    }

    /// <summary>Starts the workers, and the producer for an asynchronous stream.</summary>
    public void Start()
    {
        var token = cancel.Token;
        if (input is not null)
        {
            BatchThreads.Run(() => _ = Produce(token));
        }

        foreach (var worker in workers)
        {
            BatchThreads.Run(() => Work(worker, token));
        }
    }

    /// <summary>Cancelled when the caller cancels or the consumer stops.</summary>
    public CancellationToken Token => cancel.Token;

    /// <summary>The evaluated chunks, for an asynchronous consumer; completes (with the run's failure, if any) when every chunk was handed over.</summary>
    public ChannelReader<BatchChunk<TProfile>> Reader => evaluatedAsync!.Reader;

    /// <summary>Whether reading the input has stopped (no worker, nor the producer, is in the middle of reading it).</summary>
    public bool ProducerStopped => input is null ? !source.Reading : producerStopped;

    /// <summary>
    /// Waits on the calling thread (synchronous consumer) until every worker has ended, or <see cref="Interrupt"/> was
    /// called; then throws the run's failure, if any.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Wait(CancellationToken cancellationToken)
    {
        attention.Wait(cancellationToken);
        if (stopped.IsSet && Volatile.Read(ref failure) is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    /// <summary>Ends <see cref="Wait"/> early: the consumer has failed and will stop the run.</summary>
    public void Interrupt() => attention.Set();

    /// <summary>Makes room for one more chunk in flight (the consumer has handed one back).</summary>
    public void Release() => window.Release();

    /// <summary>
    /// Stops the run on the calling thread: asks the producer and the workers to stop, and waits until they have or the
    /// grace period is over. With the system clock the wait's own timeout is the grace period, so it needs no timer
    /// callback (nor a thread-pool thread to run it). Returns whether everything stopped.
    /// </summary>
    public bool Stop()
    {
        cancel.Cancel();
        var grace = options.CancellationGracePeriod;
        bool done;
        if (stopped.IsSet || grace == Timeout.InfiniteTimeSpan)
        {
            stopped.Wait();
            done = true;
        }
        else if (grace == TimeSpan.Zero)
        {
            done = false;
        }
        else if (options.TimeProvider == TimeProvider.System)
        {
            done = stopped.Wait(grace);
        }
        else
        {
            // Not disposed: the timer's callback may still be running when the wait ends.
            var over = new ManualResetEventSlim();
            using var timer = options.TimeProvider.CreateTimer(static o => ((ManualResetEventSlim)o!).Set(), over, grace, Timeout.InfiniteTimeSpan);
            WaitHandle.WaitAny([stopped.WaitHandle, over.WaitHandle]);
            done = stopped.IsSet;
        }

        return Ended(done);
    }

    /// <summary>Stops the run for an asynchronous consumer (see <see cref="Stop"/>); the grace period is a delay on the options' clock.</summary>
    public async Task<bool> StopAsync()
    {
        await cancel.CancelAsync().ConfigureAwait(false);
        var grace = options.CancellationGracePeriod;
        bool done;
        if (stoppedAsync.Task.IsCompleted || grace == Timeout.InfiniteTimeSpan)
        {
            await stoppedAsync.Task.ConfigureAwait(false);
            done = true;
        }
        else
        {
            using var timer = new CancellationTokenSource();
            var delay = Task.Delay(grace, options.TimeProvider, timer.Token);
            done = await Task.WhenAny(stoppedAsync.Task, delay).ConfigureAwait(false) == stoppedAsync.Task;
            await timer.CancelAsync().ConfigureAwait(false);
        }

        return Ended(done);
    }

    /// <summary>
    /// Releases what the run used once everything stopped; what was abandoned keeps it. The stop signal is left to the
    /// collector: the last to end may still be setting it.
    /// </summary>
    private bool Ended(bool done)
    {
        if (done)
        {
            cancel.Dispose();
            window.Dispose();
            input?.Dispose();
        }

        return done;
    }

    /// <summary>Reads an asynchronous stream (starting on a batch thread) into chunks for the workers.</summary>
    private async Task Produce(CancellationToken token)
    {
        Exception? error = null;
        try
        {
            await source.ProduceAsync(DispatchAsync, chunkSize, token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            input!.CompleteAdding();
            producerStopped = true;
            Finished(error);
        }

        async ValueTask DispatchAsync(BatchChunk<TProfile> chunk)
        {
            await window.WaitAsync(token).ConfigureAwait(false);
            input!.Add(chunk, CancellationToken.None);
        }
    }

    /// <summary>A worker's loop, on a batch thread: evaluates chunks until the input ends or the run is cancelled.</summary>
    private void Work(BatchWorker worker, CancellationToken token)
    {
        Exception? error = null;
        try
        {
            while (Next(token) is { } chunk)
            {
                evaluate(chunk, worker, token);
                if (handOver is not null)
                {
                    handOver(chunk);
                }
                else
                {
                    evaluatedAsync!.Writer.TryWrite(chunk);
                }
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            Finished(error);
        }
    }

    /// <summary>
    /// The next chunk for a worker, <see langword="null"/> when the input is over: taken from the producer, or read by
    /// the worker itself once there is room for one more chunk in flight.
    /// </summary>
    private BatchChunk<TProfile>? Next(CancellationToken token)
    {
        if (input is not null)
        {
            return input.TryTake(out var read, Timeout.Infinite, token) ? read : null;
        }

        if (source.IsOver(chunkSize))
        {
            // Nothing left to read: no need to wait for room.
            return null;
        }

        window.Wait(token);
        var chunk = source.Next(chunkSize, token);
        if (chunk is null)
        {
            window.Release();
        }

        return chunk;
    }

    /// <summary>
    /// Records how the producer or a worker ended (the first error that is not a cancellation wins); the last to end
    /// completes the evaluated chunks and marks the run stopped.
    /// </summary>
    private void Finished(Exception? error)
    {
        if (error is not null)
        {
            lock (gate)
            {
                if (failure is null || (failure is OperationCanceledException && error is not OperationCanceledException))
                {
                    failure = error;
                }
            }
        }

        if (Interlocked.Decrement(ref running) != 0)
        {
            return;
        }

        try
        {
            source.Close();
        }
        catch (Exception ex)
        {
            failure ??= ex;
        }

        // Marked stopped before the consumer sees the end, so it need not wait for the mark.
        stopped.Set();
        attention.Set();
        stoppedAsync.TrySetResult();
        evaluatedAsync?.Writer.TryComplete(Volatile.Read(ref failure));
    }
}
