using System.Diagnostics;
using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

/// <summary>
/// The grace period holds whatever earlier batches abandoned: several batches each leave evaluations that never return
/// (more of them than the thread pool keeps ready), then a last batch is cancelled and must return within its grace
/// period, through every entrance. Measured on the real clock, because it is about threads, with a margin of more than
/// twice the grace period for a busy machine (workers on pool threads overshot it by up to a second here: the cancelled
/// batch waited for the pool to inject a thread for its consumer and its grace timer). And no evaluation ran on a
/// thread-pool thread, which is why the number abandoned does not matter.
/// </summary>
[Collection(BatchBehaviourTests.Serial)]
public sealed class BatchAfterAbandonmentTests : IDisposable
{
    private const int EarlierBatches = 3;
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset AsOf = Workload.AsOf;
    private static readonly SegmentEngine<Shopper> Engine = SegmentEngine.Compile(new ShopperCatalog());
    private readonly ManualResetEventSlim release = new();
    private int reading;
    private int onPoolThreads;

    public void Dispose()
    {
        // Ends every abandoned evaluation, and waits for them to return, so no thread of this test outlives it.
        release.Set();
        SpinWait.SpinUntil(() => Volatile.Read(ref reading) == 0, Bound).Should().BeTrue("the abandoned evaluations end once released");
        release.Dispose();
    }

    [Theory]
    [InlineData("list")]
    [InlineData("matrix")]
    [InlineData("runner")]
    public void Cancel_AfterEarlierBatchesAbandonedMoreEvaluationsThanThePoolKeepsReady_ReturnsWithinTheGracePeriod(string entrance)
    {
        // More than the pool has (its threads, or the minimum it creates at once): every earlier batch on pool threads
        // would leave the last one waiting for the pool to inject threads.
        ThreadPool.GetMinThreads(out var ready, out _);
        var threads = Math.Max(ready, ThreadPool.ThreadCount) + (4 * Environment.ProcessorCount);
        var perBatch = Math.Max(Environment.ProcessorCount, (threads / EarlierBatches) + 1);
        var took = new List<TimeSpan>();
        for (var batch = 0; batch < EarlierBatches; batch++)
        {
            var abandoned = CancelWhenStuck(entrance, EndlessShoppers(perBatch), perBatch, (batch + 1) * perBatch);
            abandoned.Exception.Abandoned.Should().HaveCount(perBatch, "batch {0} abandoned every worker", batch);
            took.Add(abandoned.Took);
        }

        var profiles = Shoppers(200);
        profiles[57] = new Shopper("s57", Endless());
        var last = CancelWhenStuck(entrance, profiles, 2, (EarlierBatches * perBatch) + 1);
        took.Add(last.Took);

        last.Exception.Abandoned.Should().Equal(57);
        took.Should().OnlyContain(t => t < Grace + Margin,
            "each cancellation returns within the grace period (plus a margin for a busy machine) however many evaluations earlier batches abandoned ({0} each); they took {1} ms",
            perBatch, string.Join(", ", took.Select(t => (int)t.TotalMilliseconds)));
        onPoolThreads.Should().Be(0, "an evaluation runs on a batch thread, so one that never returns holds no thread-pool thread");
    }

    [Theory]
    [InlineData("list")]
    [InlineData("matrix")]
    public void SynchronousEntrance_PoolSaturated_RunsAndCancelsWithinTheGracePeriod(string entrance)
    {
        // Every pool thread blocked, and more work queued than the pool can inject threads for during the test.
        using var poolReleased = new ManualResetEventSlim();
        var blocked = 0;
        ThreadPool.GetMinThreads(out var ready, out _);
        var saturating = Math.Max(ready, ThreadPool.ThreadCount) + 16;
        for (var i = 0; i < saturating; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                Interlocked.Increment(ref blocked);
                poolReleased.Wait(Bound);
                Interlocked.Decrement(ref blocked);
            }, null);
        }

        try
        {
            var profiles = Shoppers(200);
            profiles[57] = new Shopper("s57", Endless());
            var canceled = CancelWhenStuck(entrance, profiles, 2, 1);

            canceled.Exception.Abandoned.Should().Equal(57);
            canceled.Took.Should().BeLessThan(Grace + Margin, "a synchronous batch over a list needs no pool thread, not even to wait out the grace period");
        }
        finally
        {
            poolReleased.Set();
            SpinWait.SpinUntil(() => Volatile.Read(ref blocked) == 0, Bound);
        }
    }

    /// <summary>
    /// Starts a batch through <paramref name="entrance"/> (its synchronous calls on a thread of their own), waits until
    /// <paramref name="stuck"/> endless collections are being read, cancels it and returns the exception it ended with,
    /// timed from the cancellation to where the entrance returned. The test's own thread only blocks, so it needs no
    /// pool thread either.
    /// </summary>
    private Canceled CancelWhenStuck(string entrance, Shopper[] profiles, int parallelism, int stuck)
    {
        using var cancel = new CancellationTokenSource();
        var options = new BatchOptions { MaxDegreeOfParallelism = parallelism, ChunkSize = 1, CancellationGracePeriod = Grace };
        var ended = new TaskCompletionSource<Canceled>(TaskCreationOptions.RunContinuationsAsynchronously);
        void End(Exception? error) =>
            ended.TrySetResult(new Canceled(Stopwatch.GetTimestamp(), error as BatchCanceledException ?? throw new InvalidOperationException("The batch did not end cancelled.", error)));

        // A task that ended cancelled (as RunAsync does with a BatchCanceledException) carries no exception: rethrow it.
        void Ended(Task run)
        {
            try
            {
                run.GetAwaiter().GetResult();
                End(null);
            }
            catch (Exception ex)
            {
                End(ex);
            }
        }

        if (entrance == "runner")
        {
            _ = new BatchRunner<Shopper>(Engine, options).RunAsync(profiles, AsOf, cancellationToken: cancel.Token)
                .ContinueWith(Ended, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            var caller = new Thread(() =>
            {
                try
                {
                    _ = entrance == "list"
                        ? Engine.EvaluateBatch(profiles, AsOf, options, cancel.Token).Length
                        : Engine.EvaluateBatch(profiles, AsOf, new SegmentState[profiles.Length * Engine.MembershipIds.Count], options, cancel.Token);
                    End(null);
                }
                catch (Exception ex)
                {
                    End(ex);
                }
            }) { IsBackground = true };
            caller.Start();
        }

        SpinWait.SpinUntil(() => Volatile.Read(ref reading) >= stuck, Bound).Should().BeTrue("{0} endless collections are being read", stuck);
        var cancelled = Stopwatch.GetTimestamp();
        // Synchronously: CancelAsync would run the batch's cancellation callbacks on a pool thread.
        cancel.Cancel();
        ended.Task.Wait(Bound).Should().BeTrue("cancellation returns in bounded time");
        var canceled = ended.Task.Result;
        return canceled with { Took = Stopwatch.GetElapsedTime(cancelled, canceled.ReturnedAt) };
    }

    private Shopper[] EndlessShoppers(int count) => [.. Enumerable.Range(0, count).Select(i => new Shopper($"e{i}", Endless()))];

    private static Shopper[] Shoppers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Shopper($"s{i}", [new Order { At = AsOf.UtcDateTime.AddDays(-1), Amount = 1 + (i % 40) }]))];

    /// <summary>
    /// Orders that never end until the test releases them, as a broken data source might produce; each waits a little
    /// for the release, so the abandoned evaluations hold their threads without taking the machine's cores from the
    /// threads being timed. Counts the evaluations that run on a thread-pool thread.
    /// </summary>
    private IEnumerable<Order> Endless()
    {
        var order = new Order { At = AsOf.UtcDateTime.AddDays(-1), Amount = 1 };
        Interlocked.Increment(ref reading);
        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            Interlocked.Increment(ref onPoolThreads);
        }

        try
        {
            while (!release.Wait(TimeSpan.FromMilliseconds(10)))
            {
                yield return order;
            }
        }
        finally
        {
            Interlocked.Decrement(ref reading);
        }
    }

    /// <summary>How a cancelled batch ended: when its entrance returned, with what, and how long after the cancellation.</summary>
    private sealed record Canceled(long ReturnedAt, BatchCanceledException Exception)
    {
        public TimeSpan Took { get; init; }
    }

    public sealed record Shopper(string Id, IEnumerable<Order> Orders);

    private sealed class ShopperCatalog : SegmentCatalog<Shopper>
    {
        protected override void Define(ICatalogBuilder<Shopper> s)
        {
            s.IdentifiedBy(p => p.Id);
            var orders = s.Dated(p => p.Orders, o => o.At);
            s.Segment("buyer").When(orders.Sum(o => o.Amount).Ever().AtLeast(1));
        }
    }
}
