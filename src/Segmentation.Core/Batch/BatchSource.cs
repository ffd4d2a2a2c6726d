using System.Runtime.CompilerServices;

namespace Segmentation.Core.Batch;

/// <summary>Where a batch reads its profiles from, a chunk at a time: a list (length known) or a stream.</summary>
internal abstract class BatchSource<TProfile>
{
    /// <summary>The number of profiles, when known before reading.</summary>
    public abstract long? Length { get; }

    /// <summary>The number of profiles read so far (set by the producer only).</summary>
    public long Read { get; protected set; }

    /// <summary>Whether the input was read to its end.</summary>
    public bool Exhausted { get; protected set; }

    /// <summary>Cuts the input into chunks and hands each to <paramref name="dispatch"/>, which waits for room.</summary>
    public abstract Task ProduceAsync(Func<BatchChunk<TProfile>, ValueTask> dispatch, int chunkSize, CancellationToken token);

    public static BatchSource<TProfile> Of(IReadOnlyList<TProfile> profiles) => new ListSource(profiles);

    public static BatchSource<TProfile> Of(IAsyncEnumerable<TProfile> profiles) => new StreamSource(profiles);

    public static BatchSource<TProfile> Of(IEnumerable<TProfile> profiles) => new StreamSource(AsAsync(profiles));

    private static async IAsyncEnumerable<TProfile> AsAsync(IEnumerable<TProfile> profiles, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var profile in profiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return profile;
        }
    }

    private sealed class ListSource(IReadOnlyList<TProfile> profiles) : BatchSource<TProfile>
    {
        public override long? Length => profiles.Count;

        public override async Task ProduceAsync(Func<BatchChunk<TProfile>, ValueTask> dispatch, int chunkSize, CancellationToken token)
        {
            var count = profiles.Count;
            var sequence = 0L;
            for (var start = 0; start < count; start += chunkSize)
            {
                token.ThrowIfCancellationRequested();
                var size = Math.Min(chunkSize, count - start);
                await dispatch(new BatchChunk<TProfile>(sequence++, start, profiles, start, size, ownsSource: false)).ConfigureAwait(false);
                Read = start + size;
            }

            Exhausted = true;
        }
    }

    private sealed class StreamSource(IAsyncEnumerable<TProfile> profiles) : BatchSource<TProfile>
    {
        public override long? Length => Exhausted ? Read : null;

        public override async Task ProduceAsync(Func<BatchChunk<TProfile>, ValueTask> dispatch, int chunkSize, CancellationToken token)
        {
            var sequence = 0L;
            var index = 0L;
            var buffer = new TProfile[chunkSize];
            var count = 0;
            await foreach (var profile in profiles.WithCancellation(token).ConfigureAwait(false))
            {
                buffer[count++] = profile;
                if (count == chunkSize)
                {
                    await dispatch(new BatchChunk<TProfile>(sequence++, index, buffer, 0, count, ownsSource: true)).ConfigureAwait(false);
                    index += count;
                    Read = index;
                    buffer = new TProfile[chunkSize];
                    count = 0;
                }
            }

            if (count > 0)
            {
                await dispatch(new BatchChunk<TProfile>(sequence, index, buffer, 0, count, ownsSource: true)).ConfigureAwait(false);
                index += count;
                Read = index;
            }

            Exhausted = true;
        }
    }
}
