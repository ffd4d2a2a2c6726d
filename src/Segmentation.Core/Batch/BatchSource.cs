namespace Segmentation.Core.Batch;

/// <summary>
/// Where a batch reads its profiles from, a chunk at a time: a list (length known, cut into chunks by the workers
/// themselves), an enumerable or an asynchronous stream (read ahead of the workers by <see cref="ProduceAsync"/>). An
/// enumerable is read synchronously on the thread that calls it (a batch thread of the pipeline), so an enumerable
/// that blocks holds no thread-pool thread; an asynchronous stream runs wherever its own awaits resume.
/// </summary>
internal abstract class BatchSource<TProfile>
{
    /// <summary>The number of profiles, when known before reading.</summary>
    public abstract long? Length { get; }

    /// <summary>The number of profiles read so far (set by the producer only).</summary>
    public long Read { get; protected set; }

    /// <summary>Whether the input was read to its end.</summary>
    public bool Exhausted { get; protected set; }

    /// <summary>
    /// Cuts the input into chunks and hands each to <paramref name="dispatch"/> (a synchronous input, which is read to
    /// its end before this returns) or <paramref name="dispatchAsync"/> (an asynchronous stream); both wait for room.
    /// </summary>
    public virtual Task ProduceAsync(Action<BatchChunk<TProfile>> dispatch, Func<BatchChunk<TProfile>, ValueTask> dispatchAsync, int chunkSize, CancellationToken token) =>
        throw new NotSupportedException();

    /// <summary>Whether the workers cut the chunks themselves (<see cref="ChunkAt"/>): a list, which no thread has to read ahead of them.</summary>
    public virtual bool CutByWorkers => false;

    /// <summary>The chunk at <paramref name="sequence"/>, or <see langword="null"/> past the end (<see cref="CutByWorkers"/> sources only).</summary>
    public virtual BatchChunk<TProfile>? ChunkAt(long sequence, int chunkSize) => throw new NotSupportedException();

    public static BatchSource<TProfile> Of(IReadOnlyList<TProfile> profiles) => new ListSource(profiles);

    public static BatchSource<TProfile> Of(IAsyncEnumerable<TProfile> profiles) => new AsyncStreamSource(profiles);

    public static BatchSource<TProfile> Of(IEnumerable<TProfile> profiles) => new StreamSource(profiles);

    private sealed class ListSource(IReadOnlyList<TProfile> profiles) : BatchSource<TProfile>
    {
        public override long? Length => profiles.Count;

        public override bool CutByWorkers => true;

        public override BatchChunk<TProfile>? ChunkAt(long sequence, int chunkSize)
        {
            var start = sequence * chunkSize;
            return start < profiles.Count
                ? new BatchChunk<TProfile>(sequence, start, profiles, (int)start, (int)Math.Min(chunkSize, profiles.Count - start), ownsSource: false)
                : null;
        }
    }

    private sealed class StreamSource(IEnumerable<TProfile> profiles) : BatchSource<TProfile>
    {
        public override long? Length => Exhausted ? Read : null;

        public override Task ProduceAsync(Action<BatchChunk<TProfile>> dispatch, Func<BatchChunk<TProfile>, ValueTask> dispatchAsync, int chunkSize, CancellationToken token)
        {
            var chunks = new Chunks(chunkSize);
            foreach (var profile in profiles)
            {
                token.ThrowIfCancellationRequested();
                if (chunks.Add(profile) is { } chunk)
                {
                    dispatch(chunk);
                    Read = chunks.Cut;
                }
            }

            if (chunks.Rest() is { } rest)
            {
                dispatch(rest);
                Read = chunks.Cut;
            }

            Exhausted = true;
            return Task.CompletedTask;
        }
    }

    private sealed class AsyncStreamSource(IAsyncEnumerable<TProfile> profiles) : BatchSource<TProfile>
    {
        public override long? Length => Exhausted ? Read : null;

        public override async Task ProduceAsync(Action<BatchChunk<TProfile>> dispatch, Func<BatchChunk<TProfile>, ValueTask> dispatchAsync, int chunkSize, CancellationToken token)
        {
            var chunks = new Chunks(chunkSize);
            await foreach (var profile in profiles.WithCancellation(token).ConfigureAwait(false))
            {
                if (chunks.Add(profile) is { } chunk)
                {
                    await dispatchAsync(chunk).ConfigureAwait(false);
                    Read = chunks.Cut;
                }
            }

            if (chunks.Rest() is { } rest)
            {
                await dispatchAsync(rest).ConfigureAwait(false);
                Read = chunks.Cut;
            }

            Exhausted = true;
        }
    }

    /// <summary>Collects a stream's profiles into chunks that own their buffers.</summary>
    private sealed class Chunks(int chunkSize)
    {
        private TProfile[] buffer = new TProfile[chunkSize];
        private int count;
        private long sequence;

        /// <summary>The number of profiles cut into chunks so far.</summary>
        public long Cut { get; private set; }

        /// <summary>Adds a profile; returns the chunk it completes, if it does.</summary>
        public BatchChunk<TProfile>? Add(TProfile profile)
        {
            buffer[count++] = profile;
            return count == chunkSize ? Take(new TProfile[chunkSize]) : null;
        }

        /// <summary>The last, partial chunk, if any profiles are left.</summary>
        public BatchChunk<TProfile>? Rest() => count > 0 ? Take([]) : null;

        private BatchChunk<TProfile> Take(TProfile[] next)
        {
            var chunk = new BatchChunk<TProfile>(sequence++, Cut, buffer, 0, count, ownsSource: true);
            Cut += count;
            buffer = next;
            count = 0;
            return chunk;
        }
    }
}
