namespace Segmentation.Core.Batch;

/// <summary>
/// Where a batch reads its profiles from, a chunk at a time. A list or an enumerable is read by the workers themselves
/// (<see cref="Next"/>, on their batch threads: an enumerable one worker at a time), so no thread hands chunks over and
/// an enumerable that blocks holds no thread-pool thread; an asynchronous stream is read ahead of them by
/// <see cref="ProduceAsync"/>, wherever its own awaits resume.
/// </summary>
internal abstract class BatchSource<TProfile>
{
    /// <summary>The number of profiles, when known before reading.</summary>
    public abstract long? Length { get; }

    /// <summary>The number of profiles read so far.</summary>
    public long Read { get; protected set; }

    /// <summary>Whether the input was read to its end.</summary>
    public bool Exhausted { get; protected set; }

    /// <summary>Whether the workers read the input themselves (<see cref="Next"/>) rather than a producer (<see cref="ProduceAsync"/>).</summary>
    public virtual bool ReadByWorkers => true;

    /// <summary>Whether a worker is reading the input right now (one that ignores the token stays so).</summary>
    public virtual bool Reading => false;

    /// <summary>Whether nothing is left to read, so a worker need not wait for room before asking.</summary>
    public abstract bool IsOver(int chunkSize);

    /// <summary>The next chunk, numbered in input order, or <see langword="null"/> when the input is over (<see cref="ReadByWorkers"/> sources).</summary>
    public abstract BatchChunk<TProfile>? Next(int chunkSize, CancellationToken token);

    /// <summary>Lets go of the input once no worker reads it any more.</summary>
    public virtual void Close()
    {
    }

    /// <summary>Cuts an asynchronous stream into chunks and hands each to <paramref name="dispatch"/>, which waits for room.</summary>
    public virtual Task ProduceAsync(Func<BatchChunk<TProfile>, ValueTask> dispatch, int chunkSize, CancellationToken token) =>
        throw new NotSupportedException();

    public static BatchSource<TProfile> Of(IReadOnlyList<TProfile> profiles) => new ListSource(profiles);

    public static BatchSource<TProfile> Of(IAsyncEnumerable<TProfile> profiles) => new AsyncStreamSource(profiles);

    public static BatchSource<TProfile> Of(IEnumerable<TProfile> profiles) => new StreamSource(profiles);

    /// <summary>A list: each worker cuts the next chunk, no lock needed.</summary>
    private sealed class ListSource(IReadOnlyList<TProfile> profiles) : BatchSource<TProfile>
    {
        private long cut;

        public override long? Length => profiles.Count;

        public override bool IsOver(int chunkSize) => Volatile.Read(ref cut) * chunkSize >= profiles.Count;

        public override BatchChunk<TProfile>? Next(int chunkSize, CancellationToken token)
        {
            var sequence = Interlocked.Increment(ref cut) - 1;
            var start = sequence * chunkSize;
            return start < profiles.Count
                ? new BatchChunk<TProfile>(sequence, start, profiles, (int)start, (int)Math.Min(chunkSize, profiles.Count - start), ownsSource: false)
                : null;
        }
    }

    /// <summary>An enumerable: read by one worker at a time (the others wait, cancellably, for their turn).</summary>
    private sealed class StreamSource(IEnumerable<TProfile> profiles) : BatchSource<TProfile>
    {
        private readonly SemaphoreSlim turn = new(1, 1);
        private IEnumerator<TProfile>? enumerator;
        private long sequence;
        private volatile bool over;
        private volatile bool reading;

        public override long? Length => Exhausted ? Read : null;

        public override bool Reading => reading;

        public override bool IsOver(int chunkSize) => over;

        public override BatchChunk<TProfile>? Next(int chunkSize, CancellationToken token)
        {
            turn.Wait(token);
            try
            {
                if (over)
                {
                    return null;
                }

                reading = true;
                var buffer = new TProfile[chunkSize];
                var count = 0;
                try
                {
                    enumerator ??= profiles.GetEnumerator();
                    while (count < chunkSize)
                    {
                        token.ThrowIfCancellationRequested();
                        if (!enumerator.MoveNext())
                        {
                            over = true;
                            break;
                        }

                        buffer[count++] = enumerator.Current;
                    }
                }
                catch
                {
                    over = true;
                    throw;
                }
                finally
                {
                    reading = false;
                }

                var chunk = count == 0 ? null : new BatchChunk<TProfile>(sequence++, Read, buffer, 0, count, ownsSource: true);
                Read += count;
                Exhausted = over;
                return chunk;
            }
            finally
            {
                turn.Release();
            }
        }

        public override void Close()
        {
            over = true;
            enumerator?.Dispose();
            enumerator = null;
        }
    }

    /// <summary>An asynchronous stream: read ahead of the workers by a producer.</summary>
    private sealed class AsyncStreamSource(IAsyncEnumerable<TProfile> profiles) : BatchSource<TProfile>
    {
        public override long? Length => Exhausted ? Read : null;

        public override bool ReadByWorkers => false;

        public override bool IsOver(int chunkSize) => throw new NotSupportedException();

        public override BatchChunk<TProfile>? Next(int chunkSize, CancellationToken token) => throw new NotSupportedException();

        public override async Task ProduceAsync(Func<BatchChunk<TProfile>, ValueTask> dispatch, int chunkSize, CancellationToken token)
        {
            var sequence = 0L;
            var buffer = new TProfile[chunkSize];
            var count = 0;
            await foreach (var profile in profiles.WithCancellation(token).ConfigureAwait(false))
            {
                buffer[count++] = profile;
                if (count == chunkSize)
                {
                    await dispatch(new BatchChunk<TProfile>(sequence++, Read, buffer, 0, count, ownsSource: true)).ConfigureAwait(false);
                    Read += count;
                    buffer = new TProfile[chunkSize];
                    count = 0;
                }
            }

            if (count > 0)
            {
                await dispatch(new BatchChunk<TProfile>(sequence, Read, buffer, 0, count, ownsSource: true)).ConfigureAwait(false);
                Read += count;
            }

            Exhausted = true;
        }
    }
}
