using System.Collections.Concurrent;

namespace Segmentation.Core.Batch;

/// <summary>
/// The threads batches run their workers (which also read a list or an enumerable) and the producer of an asynchronous
/// stream on: background threads of the library's own, never the thread pool's. An evaluation that never returns is
/// abandoned on one of them, so it holds no pool thread; and however many evaluations earlier batches abandoned, a
/// batch gets its threads at once (an idle one, or a new one) instead of waiting for the pool to inject threads. A
/// thread that has been idle for <see cref="IdleTimeout"/> ends, so a burst of batches leaves no threads behind.
/// </summary>
internal static class BatchThreads
{
    /// <summary>How long a thread waits for more work before it ends.</summary>
    internal static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(20);

    private static readonly ConcurrentStack<BatchThread> Idle = new();

    /// <summary>
    /// Runs <paramref name="work"/> (which must not throw) on an idle batch thread or a new one, in the caller's
    /// execution context.
    /// </summary>
    public static void Run(Action work)
    {
        var context = ExecutionContext.Capture();
        while (Idle.TryPop(out var idle))
        {
            if (idle.TryGive(work, context))
            {
                return;
            }
        }

        new BatchThread(work, context).Start();
    }

    /// <summary>
    /// One thread: runs its work, waits on the idle stack for the next, and ends when none comes in time. An entry on
    /// the stack whose thread has ended refuses work (<see cref="TryGive"/>), and is dropped when popped.
    /// </summary>
    private sealed class BatchThread(Action work, ExecutionContext? context)
    {
        private const int Busy = 0;
        private const int Waiting = 1;
        private const int Ended = 2;
        private readonly SemaphoreSlim given = new(0);
        private Action? work = work;
        private ExecutionContext? context = context;
        private int state = Busy;

        public void Start() => new Thread(Loop) { IsBackground = true, Name = "Segmentation batch" }.UnsafeStart();

        public bool TryGive(Action next, ExecutionContext? nextContext)
        {
            if (Interlocked.CompareExchange(ref state, Busy, Waiting) != Waiting)
            {
                return false;
            }

            work = next;
            context = nextContext;
            given.Release();
            return true;
        }

        private void Loop()
        {
            while (true)
            {
                var (next, nextContext) = (work!, context);
                (work, context) = (null, null);
                if (nextContext is null)
                {
                    next();
                }
                else
                {
                    ExecutionContext.Run(nextContext, static w => ((Action)w!)(), next);
                }

                Volatile.Write(ref state, Waiting);
                Idle.Push(this);
                if (!given.Wait(IdleTimeout))
                {
                    if (Interlocked.CompareExchange(ref state, Ended, Waiting) == Waiting)
                    {
                        given.Dispose();
                        return;
                    }

                    // Taken just as the wait timed out: the work is on its way.
                    given.Wait();
                }
            }
        }
    }
}
