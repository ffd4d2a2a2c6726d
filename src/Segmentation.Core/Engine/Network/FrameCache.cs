namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Per-thread working memory, kept in a non-generic thread-static so that renting it costs a plain TLS read.
/// Holds the frames of the last few engines used on the thread; a frame in use (re-entrant evaluation) is never shared.
/// </summary>
internal static class FrameCache
{
    private const int Ways = 4;

    [ThreadStatic]
    private static object?[]? owners;

    [ThreadStatic]
    private static object?[]? frames;

    [ThreadStatic]
    private static int next;

    public static Frame<TProfile> Rent<TProfile>(object owner, NetworkShape shape)
    {
        var keys = owners ??= new object?[Ways];
        var values = frames ??= new object?[Ways];
        for (var i = 0; i < Ways; i++)
        {
            if (ReferenceEquals(keys[i], owner) && values[i] is Frame<TProfile> { InUse: false } cached)
            {
                cached.InUse = true;
                return cached;
            }
        }

        var frame = new Frame<TProfile>(shape) { InUse = true };
        var slot = next;
        next = (slot + 1) % Ways;
        keys[slot] = owner;
        values[slot] = frame;
        return frame;
    }

    public static void Return<TProfile>(Frame<TProfile> frame)
    {
        frame.Release();
        frame.InUse = false;
    }
}
