using System.Collections.Concurrent;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The threads that generate code in the background for every engine of the process: one per core, started on first
/// use, taking work in the order it was queued. Code generation stays off the thread pool, so compiling many engines
/// in a row (a test suite, a catalog per tenant) never queues seconds of JIT work ahead of the application's own tasks;
/// and however many engines are compiled, no more than one thread per core works on their code at a time.
/// </summary>
internal static class CodeGenerationThreads
{
    private static readonly BlockingCollection<Action> Queue = new(new ConcurrentQueue<Action>());
    private static int started;

    /// <summary>Queues <paramref name="work"/>; the task completes when it has run (faulted if it threw).</summary>
    public static Task Run(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add(() =>
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        StartThreads();
        return done.Task;
    }

    private static void StartThreads()
    {
        if (Volatile.Read(ref started) != 0 || Interlocked.CompareExchange(ref started, 1, 0) != 0)
        {
            return;
        }

        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            // Background threads: a process whose engines are still generating code exits all the same.
            new Thread(Work) { IsBackground = true, Name = $"Segmentation code generation {i + 1}" }.Start();
        }
    }

    private static void Work()
    {
        foreach (var work in Queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
