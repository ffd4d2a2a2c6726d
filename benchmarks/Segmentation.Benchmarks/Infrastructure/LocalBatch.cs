using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Infrastructure;

/// <summary>
/// A stand-in for the library's batch API while it is being written: evaluates many customers with the buffer API and
/// adds up segment sizes, on the calling thread or on every core. Switch the batch benchmarks to the library API once
/// it ships.
/// </summary>
public static class LocalBatch
{
    /// <summary>Evaluates every customer on the calling thread and adds each membership slot's In count to <paramref name="sizes"/>.</summary>
    /// <returns>The number of customers with a fault.</returns>
    public static int EvaluateSequential(SegmentEngine<Customer> engine, Customer[] customers, DateTimeOffset asOf, int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(customers);
        RequireWidth(engine, sizes);
        var buffer = new SegmentState[engine.MembershipIds.Count];
        var faulted = 0;
        foreach (var customer in customers)
        {
            faulted += engine.Evaluate(customer, asOf, buffer) ? 0 : 1;
            Accumulate(buffer, sizes);
        }

        return faulted;
    }

    /// <summary>
    /// Evaluates every customer with <see cref="Parallel.For(int, int, ParallelOptions, Func{ParallelLoopState, object}, Func{int, ParallelLoopState, object, object}, Action{object})"/>,
    /// one membership buffer and one size tally per worker, merged at the end.
    /// </summary>
    /// <returns>The number of customers with a fault.</returns>
    public static int EvaluateParallel(SegmentEngine<Customer> engine, Customer[] customers, DateTimeOffset asOf, int[] sizes, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(customers);
        RequireWidth(engine, sizes);
        var width = engine.MembershipIds.Count;
        var faulted = 0;
        var gate = new Lock();
        Parallel.For(
            0,
            customers.Length,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Worker(width),
            (i, _, worker) =>
            {
                worker.Faulted += engine.Evaluate(customers[i], asOf, worker.Buffer) ? 0 : 1;
                Accumulate(worker.Buffer, worker.Sizes);
                return worker;
            },
            worker =>
            {
                lock (gate)
                {
                    faulted += worker.Faulted;
                    for (var s = 0; s < sizes.Length; s++)
                    {
                        sizes[s] += worker.Sizes[s];
                    }
                }
            });
        return faulted;
    }

    private static void RequireWidth(SegmentEngine<Customer> engine, int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length != engine.MembershipIds.Count)
        {
            throw new ArgumentException($"The size tally needs exactly {engine.MembershipIds.Count} entries.", nameof(sizes));
        }

        Array.Clear(sizes);
    }

    // In = 1, Out = 0, Faulted = 2: the low bit counts members without a branch.
    private static void Accumulate(SegmentState[] buffer, int[] sizes)
    {
        for (var s = 0; s < sizes.Length; s++)
        {
            sizes[s] += (int)buffer[s] & 1;
        }
    }

    private sealed class Worker(int width)
    {
        public SegmentState[] Buffer { get; } = new SegmentState[width];

        public int[] Sizes { get; } = new int[width];

        public int Faulted { get; set; }
    }
}
