using Microsoft.Extensions.Time.Testing;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Batch;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

public sealed class BatchRunnerTests
{
    private static readonly SegmentEngine<Customer> Engine = SegmentEngine.Compile(new WorkloadCatalog());

    [Theory]
    [InlineData(true, 1, 7)]
    [InlineData(true, 4, 16)]
    [InlineData(false, 4, 16)]
    public async Task Run_Stream_MatchesEvaluateBatchForEveryProfile(bool ordered, int parallelism, int chunkSize)
    {
        var customers = WorkloadGenerator.Generate(500);
        var expected = Engine.EvaluateBatch(customers, Workload.AsOf);
        var runner = new BatchRunner<Customer>(Engine, new BatchOptions { Ordered = ordered, MaxDegreeOfParallelism = parallelism, ChunkSize = chunkSize });

        var items = new List<BatchItem>();
        await foreach (var item in runner.Run(customers.AsEnumerable(), Workload.AsOf))
        {
            items.Add(item);
        }

        items.Select(i => i.Index).Should().BeEquivalentTo(Enumerable.Range(0, 500).Select(i => (long)i), o => ordered ? o.WithStrictOrdering() : o);
        items.Should().OnlyContain(i => i.Result.Segments.SequenceEqual(expected[i.Index].Segments) && i.Result.ProfileId == customers[i.Index].Id);
    }

    [Fact]
    public async Task RunAsync_AsyncStream_ReturnsSummaryWithCountsPerSegment()
    {
        var customers = WorkloadGenerator.Generate(300);
        var expected = Engine.EvaluateBatch(customers, Workload.AsOf);
        var runner = new BatchRunner<Customer>(Engine, new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 32 });

        var summary = await runner.RunAsync(Stream(customers), Workload.AsOf);

        summary.Profiles.Should().Be(300);
        summary.Faulted.Should().Be(0);
        summary.AsOf.Should().Be(Workload.AsOf);
        foreach (var id in Engine.MembershipIds)
        {
            summary.SegmentCounts[id].Should().Be(expected.Count(r => r.IsIn(id)), id);
        }
    }

    [Fact]
    public async Task Run_NullAndThrowingProfiles_YieldFaultedResultsInPlace()
    {
        var engine = SegmentEngine.Compile(new IdThrowingCatalog());
        var profiles = new[] { new Customer { Id = "a" }, null!, new Customer { Id = "boom" }, new Customer { Id = "b" } };
        var runner = new BatchRunner<Customer>(engine, new BatchOptions { ChunkSize = 2, MaxDegreeOfParallelism = 2 });

        var run = runner.Run(profiles, Workload.AsOf);
        var items = new List<BatchItem>();
        await foreach (var item in run)
        {
            items.Add(item);
        }

        var summary = await run.Completion;
        items.Should().HaveCount(4);
        items[0].Result.IsIn("everyone").Should().BeTrue();
        items[1].IsFaulted.Should().BeTrue();
        items[1].Result.StateOf("everyone").Should().Be(SegmentState.Faulted);
        items[1].Result.Faults.Should().ContainSingle().Which.Exception.Should().BeOfType<ArgumentNullException>();
        items[2].Result.ProfileId.Should().BeNull("the id accessor threw");
        items[3].Result.ProfileId.Should().Be("b");
        summary.Faulted.Should().Be(1);
        summary.FaultsBySegment.Should().ContainKey("everyone").WhoseValue.Should().Be(1);
    }

    [Fact]
    public async Task Run_FailFast_ThrowsAtFirstFaultedProfile()
    {
        var runner = new BatchRunner<Customer>(Engine, new BatchOptions { FailFast = true, ChunkSize = 1 });
        var run = runner.Run(new[] { WorkloadGenerator.Generate(1)[0], null! }, Workload.AsOf);

        var act = async () => { await foreach (var _ in run) { } };

        (await act.Should().ThrowAsync<SegmentEvaluationException>()).Which.Index.Should().Be(1);
        await run.Invoking(r => r.Completion).Should().ThrowAsync<SegmentEvaluationException>();
    }

    [Fact]
    public async Task Run_InfiniteInput_ReadsOnlyBoundedAheadOfConsumer()
    {
        var read = 0;
        IEnumerable<Customer> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                yield return new Customer { Id = $"c{i}" };
            }
        }

        var options = new BatchOptions { ChunkSize = 10, MaxDegreeOfParallelism = 2, MaxChunksInFlight = 3 };
        var taken = 0;
        await foreach (var _ in new BatchRunner<Customer>(Engine, options).Run(Endless(), Workload.AsOf))
        {
            if (++taken == 50)
            {
                await Task.Delay(200);
                break;
            }
        }

        read.Should().BeLessThanOrEqualTo(50 + ((3 + 1) * 10), "at most the in-flight chunks and the one being read are ahead of the consumer");
    }

    [Fact]
    public async Task Run_Cancelled_StopsWithOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var runner = new BatchRunner<Customer>(Engine, new BatchOptions { ChunkSize = 5, MaxDegreeOfParallelism = 2, MaxChunksInFlight = 2 });
        var run = runner.Run(WorkloadGenerator.Generate(100), Workload.AsOf);

        var act = async () =>
        {
            await foreach (var item in run.WithCancellation(cancel.Token))
            {
                if (item.Index == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        };

        var canceled = (await act.Should().ThrowAsync<BatchCanceledException>()).Which;
        run.Completion.IsCanceled.Should().BeTrue();
        canceled.Evaluated.Should().Be(15, "the chunk holding item 10 was handed back whole");
        canceled.NotEvaluated.Should().Equal(new BatchRange(15, null));
        canceled.Abandoned.Should().BeEmpty();
        canceled.InputAbandoned.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_EnumerableThatThrows_HandsBackTheChunksReadThenThrowsItsError()
    {
        var runner = new BatchRunner<Customer>(Engine, new BatchOptions { ChunkSize = 10, MaxDegreeOfParallelism = 2 });
        var received = new List<long>();

        var act = () => runner.RunAsync(Broken(WorkloadGenerator.Generate(25)), Workload.AsOf, item =>
        {
            received.Add(item.Index);
            return ValueTask.CompletedTask;
        });

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("the disk is on fire");
        received.Should().Equal(Enumerable.Range(0, 20).Select(i => (long)i), "the two whole chunks read before the input failed were evaluated");

        static IEnumerable<Customer> Broken(Customer[] customers)
        {
            foreach (var customer in customers)
            {
                yield return customer;
            }

            throw new InvalidOperationException("the disk is on fire");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_Enumerable_IsDisposedWhenTheRunEnds(bool cancelled)
    {
        var runner = new BatchRunner<Customer>(Engine, new BatchOptions { ChunkSize = 10, MaxDegreeOfParallelism = 2 });
        using var cancel = new CancellationTokenSource();
        var disposed = 0;

        var run = runner.RunAsync(Tracked(WorkloadGenerator.Generate(200)), Workload.AsOf, item =>
        {
            if (cancelled && item.Index == 50)
            {
                cancel.Cancel();
            }

            return ValueTask.CompletedTask;
        }, cancellationToken: cancel.Token);

        if (cancelled)
        {
            await run.Invoking(r => r).Should().ThrowAsync<BatchCanceledException>();
        }
        else
        {
            (await run).Profiles.Should().Be(200);
        }

        disposed.Should().Be(1, "the run disposes the enumerator it read once no worker reads it");

        IEnumerable<Customer> Tracked(Customer[] customers)
        {
            try
            {
                foreach (var customer in customers)
                {
                    yield return customer;
                }
            }
            finally
            {
                Interlocked.Increment(ref disposed);
            }
        }
    }

    [Fact]
    public void Run_EnumeratedTwice_Throws()
    {
        var run = new BatchRunner<Customer>(Engine).Run([], Workload.AsOf);
        _ = run.GetAsyncEnumerator();

        var act = () => run.GetAsyncEnumerator();

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new BatchOptions();

        options.MaxDegreeOfParallelism.Should().Be(Environment.ProcessorCount);
        options.ChunkSize.Should().BeNull();
        options.MaxChunksInFlight.Should().BeNull();
        options.CancellationGracePeriod.Should().Be(TimeSpan.FromSeconds(1));
        options.Ordered.Should().BeTrue();
        options.FailFast.Should().BeFalse();
        options.TimeProvider.Should().BeSameAs(TimeProvider.System);
    }

    private static async IAsyncEnumerable<Customer> Stream(IEnumerable<Customer> customers)
    {
        foreach (var customer in customers)
        {
            await Task.Yield();
            yield return customer;
        }
    }

    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }

    private sealed class IdThrowingCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => Id(c));
            s.Segment("everyone").When(c => true);
        }

        private static string Id(Customer customer) => customer.Id == "boom" ? throw new InvalidOperationException("no id") : customer.Id;
    }
}
