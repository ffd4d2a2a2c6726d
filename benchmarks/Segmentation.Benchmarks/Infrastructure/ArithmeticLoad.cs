using System.Collections.Concurrent;

namespace Segmentation.Benchmarks.Infrastructure;

/// <summary>
/// The machine's own ceiling for two-core scaling: a fixed amount of pure arithmetic per item (no memory traffic, no
/// shared state), split into ranges the way the engine's batch API splits profiles, on one core or on several. Run next
/// to the batch benchmark, it shows how much of a core the machine actually gives a second thread at that moment.
/// </summary>
public static class ArithmeticLoad
{
    private const int StepsPerItem = 200;

    /// <summary>Runs the arithmetic for <paramref name="items"/> items on up to <paramref name="parallelism"/> cores.</summary>
    /// <returns>A checksum, so that the work cannot be optimized away.</returns>
    public static double Run(int items, int parallelism)
    {
        if (parallelism <= 1)
        {
            return Range(0, items);
        }

        // The same range size as SegmentEngine.EvaluateBatch: count / (cores × 32), clamped to [16, 1024].
        var chunk = Math.Clamp(items / (parallelism * 32), 16, 1024);
        var total = 0.0;
        var gate = new object();
        Parallel.ForEach(
            Partitioner.Create(0, items, chunk),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            range =>
            {
                var sum = Range(range.Item1, range.Item2);
                lock (gate)
                {
                    total += sum;
                }
            });
        return total;
    }

    private static double Range(int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            double value = i;
            for (var step = 0; step < StepsPerItem; step++)
            {
                value = (value * 1.000_000_1) + 0.5;
            }

            sum += value;
        }

        return sum;
    }
}
