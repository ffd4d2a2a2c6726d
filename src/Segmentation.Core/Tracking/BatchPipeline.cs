using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Segmentation.Core.Tracking;

/// <summary>
/// A bounded producer → workers → consumer pipeline: the input is read in chunks, at most a fixed number of chunks is
/// ever in flight (read but not yet consumed), and chunks are handed back in input order or as they complete.
/// </summary>
internal static class BatchPipeline
{
    public static async IAsyncEnumerable<BatchChunk<TProfile>> Run<TProfile>(
        IAsyncEnumerable<TProfile> source,
        Action<BatchChunk<TProfile>, CancellationToken> evaluate,
        BatchRunnerOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancel.Token;
        using var window = new SemaphoreSlim(options.InFlight);
        var input = Channel.CreateBounded<BatchChunk<TProfile>>(new BoundedChannelOptions(options.Parallelism) { SingleWriter = true });
        var output = Channel.CreateUnbounded<BatchChunk<TProfile>>(new UnboundedChannelOptions { SingleReader = true });
        var producer = Task.Run(() => Produce(source, input.Writer, window, options.Chunk, token), token);
        var workers = Enumerable.Range(0, options.Parallelism).Select(_ => Task.Run(() => Work(input.Reader, output.Writer, evaluate, token), token));
        var all = Task.WhenAll([producer, .. workers]).ContinueWith(t => output.Writer.TryComplete(ErrorOf(t, token)), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        try
        {
            var pending = new Dictionary<long, BatchChunk<TProfile>>();
            var next = 0L;
            await foreach (var chunk in output.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (!options.Ordered)
                {
                    yield return chunk;
                    window.Release();
                    continue;
                }

                pending[chunk.Sequence] = chunk;
                while (pending.Remove(next, out var ready))
                {
                    yield return ready;
                    next++;
                    window.Release();
                }
            }
        }
        finally
        {
            await cancel.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
    }

    private static async Task Produce<TProfile>(IAsyncEnumerable<TProfile> source, ChannelWriter<BatchChunk<TProfile>> writer, SemaphoreSlim window, int size, CancellationToken token)
    {
        try
        {
            var sequence = 0L;
            var index = 0L;
            var buffer = new TProfile[size];
            var count = 0;
            await foreach (var profile in source.WithCancellation(token).ConfigureAwait(false))
            {
                buffer[count++] = profile;
                if (count == size)
                {
                    await Dispatch(new BatchChunk<TProfile>(sequence++, index, buffer, count)).ConfigureAwait(false);
                    index += count;
                    buffer = new TProfile[size];
                    count = 0;
                }
            }

            if (count > 0)
            {
                await Dispatch(new BatchChunk<TProfile>(sequence, index, buffer, count)).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }

        async Task Dispatch(BatchChunk<TProfile> chunk)
        {
            await window.WaitAsync(token).ConfigureAwait(false);
            await writer.WriteAsync(chunk, token).ConfigureAwait(false);
        }
    }

    private static async Task Work<TProfile>(ChannelReader<BatchChunk<TProfile>> reader, ChannelWriter<BatchChunk<TProfile>> writer, Action<BatchChunk<TProfile>, CancellationToken> evaluate, CancellationToken token)
    {
        await foreach (var chunk in reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            evaluate(chunk, token);
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
