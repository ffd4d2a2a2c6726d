using Microsoft.Extensions.Time.Testing;
using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

/// <summary>
/// Cancellation of the pipeline itself: an abandoned worker never writes into the caller's matrix, an input that ignores
/// the token is abandoned in bounded time, and the grace period is measured on the options' clock (synchronous and
/// asynchronous callers alike). What every engine shares (an evaluation that never returns, progress) is in
/// <see cref="BatchBehaviourTests"/>.
/// </summary>
[Collection(BatchBehaviourTests.Serial)]
public sealed class BatchCancellationTests : IDisposable
{
    private const int StuckAt = 57;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly SegmentEngine<Shopper> Engine = SegmentEngine.Compile(new ShopperCatalog());
    private readonly ManualResetEventSlim release = new();
    private readonly ManualResetEventSlim stuck = new();
    private readonly ManualResetEventSlim stuckReturned = new();

    public void Dispose()
    {
        // Lets the abandoned evaluation (or input) finish, so no thread stays busy after the test.
        release.Set();
        release.Dispose();
        stuck.Dispose();
        stuckReturned.Dispose();
    }

    [Fact]
    public async Task EvaluateBatch_Matrix_CollectionThatNeverEnds_AbandonedWorkerNeverWritesIntoTheBuffer()
    {
        var profiles = Shoppers(200);
        var width = Engine.MembershipIds.Count;
        var matrix = Enumerable.Repeat((SegmentState)77, profiles.Length * width).ToArray();
        using var cancel = new CancellationTokenSource();
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10, CancellationGracePeriod = TimeSpan.FromMilliseconds(200) };

        var batch = Task.Run(() => Engine.EvaluateBatch(profiles, Workload.AsOf, matrix, options, cancel.Token));
        stuck.Wait(Bound).Should().BeTrue();
        await cancel.CancelAsync();

        (await Task.WhenAny(batch, Task.Delay(Bound))).Should().BeSameAs(batch, "cancellation must return in bounded time");
        var canceled = (await batch.Invoking(b => b).Should().ThrowAsync<BatchCanceledException>()).Which;
        canceled.Abandoned.Should().Equal(StuckAt);
        release.Set();
        stuckReturned.Wait(Bound).Should().BeTrue("the abandoned evaluation returns once its collection ends");
        await Task.Delay(100);

        var missing = canceled.NotEvaluated.SelectMany(r => Enumerable.Range((int)r.Start, (int)(r.End!.Value - r.Start))).ToHashSet();
        missing.Should().Contain(StuckAt);
        for (var i = 0; i < profiles.Length; i++)
        {
            var row = matrix.AsSpan(i * width, width).ToArray();
            if (missing.Contains(i))
            {
                row.Should().OnlyContain(s => s == (SegmentState)77, "row {0} was not evaluated and must be untouched", i);
            }
            else
            {
                row.Should().NotContain((SegmentState)77, "row {0} was evaluated", i);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Runner_InputIgnoresTheToken_CancelReturnsAndReportsTheAbandonedInput(bool asynchronous)
    {
        var runner = new BatchRunner<Shopper>(Engine, new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10, CancellationGracePeriod = TimeSpan.FromMilliseconds(200) });
        using var cancel = new CancellationTokenSource();
        var received = 0;

        var run = Task.Run(() => asynchronous
            ? runner.RunAsync(HangingStream(30), Workload.AsOf, Count, cancellationToken: cancel.Token)
            : runner.RunAsync(HangingList(30), Workload.AsOf, Count, cancellationToken: cancel.Token));
        stuck.Wait(Bound).Should().BeTrue("the input is hanging");
        SpinWait.SpinUntil(() => Volatile.Read(ref received) == 30, Bound).Should().BeTrue("the profiles read before the input hung are evaluated");
        await cancel.CancelAsync();

        (await Task.WhenAny(run, Task.Delay(Bound))).Should().BeSameAs(run, "cancellation must return in bounded time");
        var canceled = (await run.Invoking(r => r).Should().ThrowAsync<BatchCanceledException>()).Which;
        canceled.InputAbandoned.Should().BeTrue();
        canceled.Abandoned.Should().BeEmpty();
        canceled.Evaluated.Should().Be(received).And.Be(30, "the three full chunks read before the input hung were evaluated");
        canceled.NotEvaluated.Should().Equal(new BatchRange(30, null));

        ValueTask Count(BatchItem item)
        {
            Interlocked.Increment(ref received);
            return ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData("list")]
    [InlineData("runner")]
    public async Task Cancel_EvaluationThatNeverReturns_WaitsOutTheGracePeriodOnTheOptionsClock(string entrance)
    {
        var time = new FakeTimeProvider();
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10, CancellationGracePeriod = TimeSpan.FromSeconds(10), TimeProvider = time };
        using var cancel = new CancellationTokenSource();

        var batch = Start(entrance, options, cancel.Token);
        stuck.Wait(Bound).Should().BeTrue("the endless collection is being read");
        await cancel.CancelAsync();
        var seconds = 0;
        while (!batch.IsCompleted && seconds < 40)
        {
            await Task.Delay(50);
            time.Advance(TimeSpan.FromSeconds(1));
            seconds++;
        }

        // Well within the grace period on the real clock: only the fake clock can have ended it.
        (await Task.WhenAny(batch, Task.Delay(TimeSpan.FromSeconds(3)))).Should().BeSameAs(batch, "the options' clock passed the grace period");
        seconds.Should().BeGreaterThanOrEqualTo(10, "the batch waits for the whole grace period on the options' clock");
        (await batch.Invoking(b => b).Should().ThrowAsync<BatchCanceledException>()).Which.Abandoned.Should().Equal(StuckAt);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("runner")]
    public async Task Cancel_ZeroGracePeriod_AbandonsAtOnceWhateverTheClock(string entrance)
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10, CancellationGracePeriod = TimeSpan.Zero, TimeProvider = new FakeTimeProvider() };
        using var cancel = new CancellationTokenSource();

        var batch = Start(entrance, options, cancel.Token);
        stuck.Wait(Bound).Should().BeTrue("the endless collection is being read");
        await cancel.CancelAsync();

        (await Task.WhenAny(batch, Task.Delay(Bound))).Should().BeSameAs(batch, "nothing is waited for, and the fake clock never moves");

        // With no grace at all, a worker the scheduler held up in the middle of another profile is abandoned too.
        var abandoned = (await batch.Invoking(b => b).Should().ThrowAsync<BatchCanceledException>()).Which.Abandoned;
        abandoned.Should().Contain(StuckAt).And.OnlyContain(i => i >= 0 && i < 200).And.HaveCountLessThanOrEqualTo(options.MaxDegreeOfParallelism);
    }

    /// <summary>Starts a batch of 200 shoppers (one stuck at <see cref="StuckAt"/>) through the synchronous list entrance, on a thread of its own, or the runner.</summary>
    private Task Start(string entrance, BatchOptions options, CancellationToken cancellationToken) => entrance == "list"
        ? Task.Factory.StartNew(() => Engine.EvaluateBatch(Shoppers(200), Workload.AsOf, options, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
        : new BatchRunner<Shopper>(Engine, options).RunAsync(Shoppers(200), Workload.AsOf, cancellationToken: cancellationToken);

    private Shopper[] Shoppers(int count, int stuckAt = StuckAt) =>
        [.. Enumerable.Range(0, count).Select(i => new Shopper($"s{i}", i == stuckAt ? Endless() : [new Order { At = Workload.AsOf.UtcDateTime.AddDays(-1), Amount = 10 }]))];

    /// <summary>Orders that never end (until the test releases them), as a broken data source might produce.</summary>
    private IEnumerable<Order> Endless()
    {
        stuck.Set();
        while (!release.IsSet)
        {
            yield return new Order { At = Workload.AsOf.UtcDateTime.AddDays(-1), Amount = 1 };
        }

        stuckReturned.Set();
    }

    /// <summary>An input that yields some profiles, then hangs without looking at the token.</summary>
    private async IAsyncEnumerable<Shopper> HangingStream(int before)
    {
        foreach (var shopper in Shoppers(before, stuckAt: -1))
        {
            await Task.Yield();
            yield return shopper;
        }

        stuck.Set();
        await Task.Run(() => release.Wait());
    }

    private IEnumerable<Shopper> HangingList(int before)
    {
        foreach (var shopper in Shoppers(before, stuckAt: -1))
        {
            yield return shopper;
        }

        stuck.Set();
        release.Wait();
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
