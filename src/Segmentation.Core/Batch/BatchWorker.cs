namespace Segmentation.Core.Batch;

/// <summary>One worker of a batch: which input position it is evaluating, so a cancellation can name what it abandons.</summary>
internal sealed class BatchWorker
{
    private long current = -1;

    /// <summary>The input position being evaluated, or -1 when idle.</summary>
    public long Current => Volatile.Read(ref current);

    public void Start(long index) => Volatile.Write(ref current, index);

    public void Stop() => Volatile.Write(ref current, -1);
}
