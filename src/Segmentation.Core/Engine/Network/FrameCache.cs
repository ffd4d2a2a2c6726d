using System.Runtime.CompilerServices;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Per-thread working memory, kept in one non-generic thread-static so that renting it costs a single TLS read.
/// Holds the frames of the last few engines used on the thread; a frame in use (re-entrant evaluation) is never shared.
/// </summary>
internal static class FrameCache
{
    private const int Ways = 4;

    [ThreadStatic]
    private static Entry[]? entries;

    [ThreadStatic]
    private static int next;

    /// <summary>A free frame of <paramref name="owner"/>, reused when this thread has one.</summary>
    public static Frame<TProfile> Rent<TProfile>(Network<TProfile> owner)
    {
        var cached = entries ??= new Entry[Ways];
        for (var i = 0; i < cached.Length; i++)
        {
            ref var entry = ref cached[i];
            if (ReferenceEquals(entry.Owner, owner))
            {
                // Every frame stored for a Network<TProfile> is a Frame<TProfile> (see Rent's signature).
                var frame = Unsafe.As<Frame<TProfile>>(entry.Frame!);
                if (!frame.InUse)
                {
                    frame.InUse = true;
                    return frame;
                }
            }
        }

        return Store(cached, owner, new Frame<TProfile>(owner.Shape) { InUse = true });
    }

    /// <summary>Gives the frame back for the next evaluation on this thread.</summary>
    public static void Return<TProfile>(Frame<TProfile> frame)
    {
        frame.Release();
        frame.InUse = false;
    }

    private static Frame<TProfile> Store<TProfile>(Entry[] cached, object owner, Frame<TProfile> frame)
    {
        var slot = next;
        next = (slot + 1) % Ways;
        cached[slot] = new Entry(owner, frame);
        return frame;
    }

    /// <summary>An owner (a network of some profile type) and one of its frames, of the same profile type.</summary>
    private readonly record struct Entry(object? Owner, object? Frame);
}
