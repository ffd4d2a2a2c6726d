using System.Runtime.CompilerServices;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Per-thread working memory, kept in one non-generic thread-static so that renting it costs a single TLS read.
/// Holds the frames of the engines recently used on the thread, four at first and up to <see cref="MaxWays"/> when
/// more engines take turns on it (a service evaluating each request against several catalogs), so that alternating
/// between them reuses their frames instead of allocating one per evaluation. Entries name their engine by a number,
/// not a reference, so a cached frame never keeps an engine (its compiled code) alive. A frame in use (re-entrant
/// evaluation) is never shared.
/// </summary>
internal static class FrameCache
{
    /// <summary>The ways a thread starts with.</summary>
    public const int InitialWays = 4;

    /// <summary>The most ways a thread grows to; beyond that many engines in turn, frames are replaced in rotation.</summary>
    public const int MaxWays = 16;

    private static long lastOwner;

    [ThreadStatic]
    private static Entry[]? entries;

    [ThreadStatic]
    private static int next;

    /// <summary>A number for a new network, unique in the process (across profile types), never 0.</summary>
    public static long NewOwner() => Interlocked.Increment(ref lastOwner);

    /// <summary>How many ways this thread's cache has (tests).</summary>
    public static int Ways => entries?.Length ?? 0;

    /// <summary>A free frame of <paramref name="owner"/>, reused when this thread has one.</summary>
    public static Frame<TProfile> Rent<TProfile>(Network<TProfile> owner)
    {
        var cached = entries ??= new Entry[InitialWays];
        var id = owner.Owner;
        for (var i = 0; i < cached.Length; i++)
        {
            ref var entry = ref cached[i];
            if (entry.Owner == id)
            {
                // Owner numbers are unique across profile types, and every frame stored under a Network<TProfile>'s
                // number is a Frame<TProfile> (see Rent's signature).
                var frame = Unsafe.As<Frame<TProfile>>(entry.Frame!);
                if (!frame.InUse)
                {
                    frame.InUse = true;
                    return frame;
                }
            }
        }

        var created = new Frame<TProfile>(owner.Shape) { InUse = true };
        Store(cached, id, created);
        return created;
    }

    /// <summary>Gives the frame back for the next evaluation on this thread.</summary>
    public static void Return<TProfile>(Frame<TProfile> frame)
    {
        frame.Release();
        frame.InUse = false;
    }

    /// <summary>Stores a frame in an empty way, else in a new one while the cache may grow, else in the next way in rotation.</summary>
    private static void Store(Entry[] cached, long owner, object frame)
    {
        for (var i = 0; i < cached.Length; i++)
        {
            if (cached[i].Frame is null)
            {
                cached[i] = new Entry(owner, frame);
                return;
            }
        }

        if (cached.Length < MaxWays)
        {
            var grown = new Entry[cached.Length * 2];
            cached.CopyTo(grown, 0);
            grown[cached.Length] = new Entry(owner, frame);
            entries = grown;
            return;
        }

        var slot = next;
        next = (slot + 1) % cached.Length;
        cached[slot] = new Entry(owner, frame);
    }

    /// <summary>A network's number (see <see cref="NewOwner"/>) and one of its frames, of its profile type.</summary>
    private readonly record struct Entry(long Owner, object? Frame);
}
