using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Infrastructure;

/// <summary>
/// Segment sizes of many customers through the library's batch API
/// (<see cref="SegmentEngine{TProfile}.EvaluateBatch(TProfile[], DateTimeOffset, SegmentState[], BatchOptions?)"/>):
/// memberships written into one preallocated matrix, on one core or on every core, then counted.
/// </summary>
public sealed class BatchSizes(SegmentEngine<Customer> engine, Customer[] customers)
{
    private readonly SegmentState[] matrix = new SegmentState[customers.Length * engine.MembershipIds.Count];
    private readonly BatchOptions oneCore = new() { MaxDegreeOfParallelism = 1 };
    private readonly BatchOptions allCores = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Evaluates every customer on the calling thread into the membership matrix.</summary>
    /// <returns>The number of customers with a fault.</returns>
    public int EvaluateOneCore(DateTimeOffset asOf) => engine.EvaluateBatch(customers, asOf, matrix, oneCore);

    /// <summary>Evaluates every customer on every core into the membership matrix.</summary>
    /// <returns>The number of customers with a fault.</returns>
    public int EvaluateAllCores(DateTimeOffset asOf) => engine.EvaluateBatch(customers, asOf, matrix, allCores);

    /// <summary>Evaluates every customer on the calling thread and counts each membership slot's members into <paramref name="sizes"/>.</summary>
    /// <returns>The number of customers with a fault.</returns>
    public int OneCore(DateTimeOffset asOf, int[] sizes) => Run(oneCore, asOf, sizes);

    /// <summary>Evaluates every customer on every core and counts each membership slot's members into <paramref name="sizes"/>.</summary>
    /// <returns>The number of customers with a fault.</returns>
    public int AllCores(DateTimeOffset asOf, int[] sizes) => Run(allCores, asOf, sizes);

    private int Run(BatchOptions options, DateTimeOffset asOf, int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var width = engine.MembershipIds.Count;
        if (sizes.Length != width)
        {
            throw new ArgumentException($"The size tally needs exactly {width} entries.", nameof(sizes));
        }

        var faulted = engine.EvaluateBatch(customers, asOf, matrix, options);
        Array.Clear(sizes);
        for (var row = 0; row < matrix.Length; row += width)
        {
            for (var s = 0; s < width; s++)
            {
                sizes[s] += (int)matrix[row + s] & 1;
            }
        }

        return faulted;
    }
}
