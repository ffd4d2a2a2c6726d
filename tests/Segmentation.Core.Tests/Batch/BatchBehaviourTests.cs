using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

/// <summary>
/// The batch behaviours every engine shares, because every engine's batch runs on the one pipeline: results in input
/// order, a null or throwing profile reported in place while the rest goes on, fail-fast, progress, cancellation that
/// returns within the grace period and names what it abandoned, and options validated at every entrance. A derived class
/// supplies the engine: <see cref="NativeBatchBehaviourTests"/> here, the NRules backend's in its own test project.
/// </summary>
public abstract class BatchBehaviourTests : IDisposable
{
    /// <summary>The name of the collection the batch behaviour tests run in: one at a time, not beside other test classes.</summary>
    public const string Serial = "Batch behaviours (serial)";

    private const int StuckAt = 57;
    private const int GatedAt = 63;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset AsOf = Workload.AsOf;
    private readonly ManualResetEventSlim release = new();
    private readonly ManualResetEventSlim stuck = new();
    private readonly ManualResetEventSlim gate = new();
    private readonly ManualResetEventSlim gateReached = new();

    /// <summary>The engine under test, compiled from <see cref="ShopperCatalog"/>.</summary>
    protected abstract ISegmentEngine<Shopper> Engine { get; }

    /// <summary>The engine's own list batch (<c>EvaluateBatch</c> of its concrete type).</summary>
    protected abstract SegmentationResult[] EvaluateBatch(IReadOnlyList<Shopper> profiles, BatchOptions? options, CancellationToken cancellationToken);

    /// <summary>The engine's own parallel matrix batch (<c>EvaluateBatch</c> of its concrete type).</summary>
    protected abstract int EvaluateBatch(Shopper[] profiles, SegmentState[] memberships, BatchOptions? options, CancellationToken cancellationToken);

    /// <summary>The engine's calling-thread batch over a span (<c>EvaluateBatch</c> of its concrete type).</summary>
    protected abstract int EvaluateBatch(ReadOnlySpan<Shopper> profiles, Span<SegmentState> memberships);

    /// <inheritdoc />
    public void Dispose()
    {
        // Lets an abandoned evaluation finish, so no thread stays busy after the test.
        release.Set();
        gate.Set();
        release.Dispose();
        stuck.Dispose();
        gate.Dispose();
        gateReached.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EvaluateBatch_List_OneResultPerProfileInInputOrder(int parallelism)
    {
        var profiles = Shoppers(300);

        var results = EvaluateBatch(profiles, new BatchOptions { MaxDegreeOfParallelism = parallelism, ChunkSize = 16 }, new CancellationTokenSource().Token);

        results.Select(r => r.ProfileId).Should().Equal(profiles.Select(p => p.Id));
        results.Select(r => r.ToString()).Should().Equal(profiles.Select(p => Engine.Evaluate(p, AsOf).ToString()));
        results.Count(r => r.IsIn("big-buyer")).Should().BeInRange(1, 299, "the profiles differ");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Runner_Stream_EveryResultCarriesItsIndex_InInputOrderWhenOrdered(bool ordered)
    {
        var profiles = Shoppers(200);
        var runner = new BatchRunner<Shopper>(Engine, new BatchOptions { Ordered = ordered, MaxDegreeOfParallelism = 2, ChunkSize = 8 });

        var items = new List<BatchItem>();
        await foreach (var item in runner.Run(profiles.AsEnumerable(), AsOf))
        {
            items.Add(item);
        }

        items.Select(i => i.Index).Should().BeEquivalentTo(Enumerable.Range(0, 200).Select(i => (long)i), o => ordered ? o.WithStrictOrdering() : o);
        items.Should().OnlyContain(i => i.Result.ProfileId == profiles[i.Index].Id && i.Result.ToString() == Engine.Evaluate(profiles[i.Index], AsOf).ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task NullAndThrowingProfiles_ComeBackFaultedInPlace_AndTheRestGoesOn(int parallelism)
    {
        var profiles = Mixed(200);
        var options = new BatchOptions { MaxDegreeOfParallelism = parallelism, ChunkSize = 10 };

        var results = EvaluateBatch(profiles, options, new CancellationTokenSource().Token);
        var items = new List<BatchItem>();
        var summary = await new BatchRunner<Shopper>(Engine, options).RunAsync(profiles, AsOf, item =>
        {
            items.Add(item);
            return ValueTask.CompletedTask;
        });

        items.Select(i => i.Result.ToString()).Should().Equal(results.Select(r => r.ToString()), "the runner and EvaluateBatch give the same results");
        for (var i = 0; i < profiles.Length; i++)
        {
            var result = results[i];
            switch (profiles[i]?.Id)
            {
                case null:
                    result.StateOf("buyer").Should().Be(SegmentState.Faulted, "profile {0} is null", i);
                    result.IsFaulted("value").Should().BeTrue();
                    result.Faults.Select(f => f.SegmentId).Should().BeEquivalentTo(Engine.MembershipIds.Concat(Engine.ScoreIds));
                    result.Faults.Should().OnlyContain(f => f.Exception is ArgumentNullException);
                    break;
                case "boom":
                    result.StateOf("boom-sensitive").Should().Be(SegmentState.Faulted, "profile {0} throws", i);
                    result.IsIn("buyer").Should().BeTrue("a fault stays in the segment that threw");
                    result.Faults.Should().ContainSingle().Which.Exception.Should().BeOfType<InvalidOperationException>();
                    break;
                default:
                    result.HasFaults.Should().BeFalse("profile {0} is fine", i);
                    result.IsIn("buyer").Should().BeTrue();
                    break;
            }
        }

        summary.Profiles.Should().Be(200);
        summary.Faulted.Should().Be(profiles.Count(p => p is null || p.Id == "boom"));
        summary.FaultsBySegment["boom-sensitive"].Should().Be(summary.Faulted);
        summary.FaultsBySegment["buyer"].Should().Be(profiles.Count(p => p is null));
    }

    [Fact]
    public void EvaluateBatch_Span_OnTheCallingThread_GivesTheParallelMatrix()
    {
        var profiles = Mixed(100);
        var width = Engine.MembershipIds.Count;
        var parallel = new SegmentState[profiles.Length * width];
        var here = new SegmentState[profiles.Length * width];

        var parallelFaulted = EvaluateBatch(profiles, parallel, new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10 }, new CancellationTokenSource().Token);
        var hereFaulted = EvaluateBatch(profiles, here.AsSpan());

        hereFaulted.Should().Be(parallelFaulted).And.BeGreaterThan(0);
        here.Should().Equal(parallel);
        FluentActions.Invoking(() => EvaluateBatch(profiles, new SegmentState[width])).Should().Throw<ArgumentException>()
            .WithMessage($"The membership buffer needs {profiles.Length * width} entries.*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EvaluateBatch_Matrix_CountsFaultedProfilesAndMarksTheirRows(int parallelism)
    {
        var profiles = Mixed(200);
        var width = Engine.MembershipIds.Count;
        var (buyer, sensitive) = (Engine.IndexOf("buyer"), Engine.IndexOf("boom-sensitive"));
        var matrix = new SegmentState[profiles.Length * width];

        var faulted = EvaluateBatch(profiles, matrix, new BatchOptions { MaxDegreeOfParallelism = parallelism, ChunkSize = 10 }, new CancellationTokenSource().Token);

        faulted.Should().Be(profiles.Count(p => p is null || p.Id == "boom"));
        for (var i = 0; i < profiles.Length; i++)
        {
            (matrix[(i * width) + buyer], matrix[(i * width) + sensitive]).Should().Be(profiles[i]?.Id switch
            {
                null => (SegmentState.Faulted, SegmentState.Faulted),
                "boom" => (SegmentState.In, SegmentState.Faulted),
                _ => (SegmentState.In, SegmentState.Out),
            }, "row {0}", i);
        }
    }

    [Fact]
    public async Task FailFast_ThrowsAtTheFirstFaultedProfileInInputOrder()
    {
        var profiles = Mixed(100);
        var first = Array.FindIndex(profiles, p => p is null || p.Id == "boom");
        var options = new BatchOptions { FailFast = true, MaxDegreeOfParallelism = 2, ChunkSize = 4 };

        var list = () => EvaluateBatch(profiles, options, new CancellationTokenSource().Token);
        var run = new BatchRunner<Shopper>(Engine, options).Run(profiles, AsOf);
        var stream = async () => { await foreach (var _ in run) { } };

        list.Should().Throw<SegmentEvaluationException>().Which.Index.Should().Be(first);
        (await stream.Should().ThrowAsync<SegmentEvaluationException>()).Which.Index.Should().Be(first);
        await run.Invoking(r => r.Completion).Should().ThrowAsync<SegmentEvaluationException>();
    }

    [Fact]
    public async Task Runner_Progress_ReportsProcessedFaultedAndElapsedFromTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var reports = new List<BatchProgress>();
        var runner = new BatchRunner<Shopper>(Engine, new BatchOptions { ChunkSize = 10, MaxDegreeOfParallelism = 1, TimeProvider = time });
        var profiles = Shoppers(29).Append(null!);

        var run = runner.Run(profiles, AsOf, new SynchronousProgress(reports.Add));
        await foreach (var _ in run)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var summary = await run.Completion;
        reports.Select(r => r.Processed).Should().Equal(10, 20, 30);
        reports.Select(r => r.Faulted).Should().Equal(0, 0, 1);
        reports.Select(r => r.Elapsed).Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        summary.Duration.Should().Be(TimeSpan.FromSeconds(3));
        summary.SegmentCounts["buyer"].Should().Be(29);
    }

    [Fact]
    public async Task Runner_ProgressCallbackThrows_RunGoesOnAndTheFailureIsLogged()
    {
        var logger = new ListLogger();
        var runner = new BatchRunner<Shopper>(Engine, new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10 }, logger);
        var reports = 0;

        var summary = await runner.RunAsync(Shoppers(100), AsOf, progress: new SynchronousProgress(_ =>
        {
            Interlocked.Increment(ref reports);
            throw new InvalidOperationException("the progress bar is broken");
        }));

        summary.Profiles.Should().Be(100);
        summary.SegmentCounts["buyer"].Should().Be(100);
        reports.Should().Be(10, "every chunk is still reported");
        logger.Entries.Where(e => e.Id == 4).Should().HaveCount(10).And.OnlyContain(e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task EvaluateBatch_List_EvaluationThatNeverReturns_CancelReturnsWithinTheGracePeriodAndNamesOnlyIt()
    {
        var profiles = Shoppers(200, stuckAt: StuckAt);
        profiles[GatedAt] = new Shopper($"s{GatedAt}", Gated());
        using var cancel = new CancellationTokenSource();

        // The released worker must finish its profile within the grace period on the real clock: two seconds, because a
        // CI run keeps both cores busy with other test processes.
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10, CancellationGracePeriod = TimeSpan.FromSeconds(2) };

        var batch = Task.Run(() => EvaluateBatch(profiles, options, cancel.Token));
        stuck.Wait(Bound).Should().BeTrue("the endless collection is being read");
        gateReached.Wait(Bound).Should().BeTrue("the other worker is in the middle of the next chunk");
        CancelThenOpenGate(cancel);

        (await Task.WhenAny(batch, Task.Delay(Bound))).Should().BeSameAs(batch, "cancellation must return in bounded time");
        var canceled = (await batch.Invoking(b => b).Should().ThrowAsync<BatchCanceledException>()).Which;
        canceled.Abandoned.Should().Equal([StuckAt], "the worker that stopped mid-chunk at the cancellation was not abandoned");
        canceled.NotEvaluated.Should().Contain(r => r.Start <= StuckAt && StuckAt < r.End);
        canceled.NotEvaluated.Should().Contain(r => r.Start <= GatedAt && GatedAt < r.End, "its chunk was not handed back");
        canceled.NotEvaluated.Should().OnlyContain(r => r.End != null, "a list's length is known");
        (canceled.Evaluated + canceled.NotEvaluated.Sum(r => r.End!.Value - r.Start)).Should().Be(200);
        canceled.InputAbandoned.Should().BeFalse();
        canceled.Message.Should().Contain("57");
    }

    [Fact]
    public async Task Runner_EvaluationThatNeverReturns_CancelReturnsWithinTheGracePeriodAndNamesIt()
    {
        var runner = new BatchRunner<Shopper>(Engine, new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 10, CancellationGracePeriod = TimeSpan.FromMilliseconds(200) });
        using var cancel = new CancellationTokenSource();

        var run = Task.Run(() => runner.RunAsync(Shoppers(200, stuckAt: StuckAt), AsOf, cancellationToken: cancel.Token));
        stuck.Wait(Bound).Should().BeTrue("the endless collection is being read");
        await cancel.CancelAsync();

        (await Task.WhenAny(run, Task.Delay(Bound))).Should().BeSameAs(run, "cancellation must return in bounded time");
        var canceled = (await run.Invoking(r => r).Should().ThrowAsync<BatchCanceledException>()).Which;
        canceled.Abandoned.Should().Equal(StuckAt);
        canceled.Evaluated.Should().BeLessThanOrEqualTo(50, "results come back in order, and the chunk of 57 never completes");
        canceled.NotEvaluated[0].Start.Should().Be(canceled.Evaluated);
    }

    [Fact]
    public void CancelledBeforeStart_NothingIsEvaluatedAndEveryPositionIsNamed()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var profiles = Shoppers(100);

        var list = () => EvaluateBatch(profiles, null, cancel.Token);
        var matrix = () => EvaluateBatch(profiles, new SegmentState[100 * Engine.MembershipIds.Count], null, cancel.Token);

        list.Should().Throw<BatchCanceledException>().Which.NotEvaluated.Should().Equal(new BatchRange(0, 100));
        matrix.Should().Throw<BatchCanceledException>().Which.Evaluated.Should().Be(0);
    }

    [Fact]
    public void InvalidOptions_EveryEntrance_ThrowOneErrorListingEveryProblem()
    {
        var broken = new BatchOptions { MaxDegreeOfParallelism = 0, ChunkSize = 0, MaxChunksInFlight = -1, CancellationGracePeriod = TimeSpan.FromSeconds(-2), TimeProvider = null! };
        var profiles = Shoppers(3);
        var entrances = new (string Name, Action Act)[]
        {
            ("runner", () => _ = new BatchRunner<Shopper>(Engine, broken)),
            ("list", () => EvaluateBatch(profiles, broken, CancellationToken.None)),
            ("matrix", () => EvaluateBatch(profiles, new SegmentState[3 * Engine.MembershipIds.Count], broken, CancellationToken.None)),
        };

        foreach (var (name, act) in entrances)
        {
            var error = act.Should().Throw<ArgumentException>(name).Which;
            error.ParamName.Should().Be("options", name);
            error.Message.Should().StartWith("Invalid batch options: ", name)
                .And.Contain("MaxDegreeOfParallelism must be between 1 and 1024 (was 0)")
                .And.Contain("ChunkSize must be at least 1 or null for automatic (was 0)")
                .And.Contain("MaxChunksInFlight must be at least 1 or null for twice the parallelism (was -1)")
                .And.Contain("CancellationGracePeriod must be zero or more, or Timeout.InfiniteTimeSpan (was -00:00:02)")
                .And.Contain("TimeProvider must not be null");
        }
    }

    /// <summary>Shoppers with spends of 1 to 40 (some are big buyers); the one at <paramref name="stuckAt"/> has orders that never end.</summary>
    private Shopper[] Shoppers(int count, int stuckAt = -1) =>
        [.. Enumerable.Range(0, count).Select(i => new Shopper($"s{i}", i == stuckAt ? Endless() : [new Order { At = AsOf.UtcDateTime.AddDays(-1), Amount = 1 + (i % 40) }]))];

    /// <summary>Shoppers with a null every 37th place and a throwing "boom" shopper every 23rd.</summary>
    private Shopper[] Mixed(int count)
    {
        var shoppers = Shoppers(count);
        for (var i = 5; i < count; i += 23)
        {
            shoppers[i] = new Shopper("boom", shoppers[i].Orders);
        }

        for (var i = 9; i < count; i += 37)
        {
            shoppers[i] = null!;
        }

        return shoppers;
    }

    /// <summary>
    /// Orders that never end (until the test releases them), as a broken data source might produce; the same order
    /// again and again, so the stuck thread does not flood the other workers with garbage collections.
    /// </summary>
    private IEnumerable<Order> Endless()
    {
        var order = new Order { At = AsOf.UtcDateTime.AddDays(-1), Amount = 1 };
        stuck.Set();
        while (!release.IsSet)
        {
            yield return order;
        }
    }

    /// <summary>
    /// Cancels, then opens the gate, on this thread and back to back. After <c>await CancelAsync()</c> the gate opened only
    /// once a thread was free to run the continuation, which on a busy CI machine came after the grace period (the
    /// released worker was then reported abandoned).
    /// </summary>
    private void CancelThenOpenGate(CancellationTokenSource cancel)
    {
        cancel.Cancel();
        gate.Set();
    }

    /// <summary>One order, handed out once the test opens the gate: holds a worker in the middle of a chunk.</summary>
    private IEnumerable<Order> Gated()
    {
        gateReached.Set();
        gate.Wait(Bound);
        yield return new Order { At = AsOf.UtcDateTime.AddDays(-1), Amount = 1 };
    }

    /// <summary>A profile of the shared batch tests (a class: NRules sessions hold it as a fact by reference).</summary>
    public sealed class Shopper(string id, IEnumerable<Order> orders)
    {
        /// <summary>The id.</summary>
        public string Id { get; } = id;

        /// <summary>The orders.</summary>
        public IEnumerable<Order> Orders { get; } = orders;
    }

    /// <summary>Two spend segments, one whose condition throws for the "boom" shopper, and a score.</summary>
    public sealed class ShopperCatalog : SegmentCatalog<Shopper>
    {
        /// <inheritdoc />
        protected override void Define(ICatalogBuilder<Shopper> s)
        {
            s.IdentifiedBy(p => p.Id);
            var orders = s.Dated(p => p.Orders, o => o.At);
            s.Segment("buyer").When(orders.Sum(o => o.Amount).Ever().AtLeast(1));
            s.Segment("big-buyer").When(orders.Sum(o => o.Amount).Ever().AtLeast(25));
            s.Segment("boom-sensitive").When(p => Explode(p));
            s.Score("value").Add(10, s.InSegment("big-buyer")).Add(1, s.InSegment("buyer")).Tiers(("low", 0), ("high", 10));
        }

        private static bool Explode(Shopper shopper) => shopper.Id == "boom" ? throw new InvalidOperationException("boom") : false;
    }

    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
