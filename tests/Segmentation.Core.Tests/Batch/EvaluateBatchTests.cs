using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Batch;

/// <summary>The engine's own batch overloads: list → results, array → matrix (parallel), span → matrix (calling thread).</summary>
public sealed class EvaluateBatchTests
{
    private static readonly SegmentEngine<Customer> Engine = SegmentEngine.Compile(new WorkloadCatalog());
    private static readonly SegmentEngine<Customer> Throwing = SegmentEngine.Compile(new ThrowingCatalog());

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 1_000)]
    [InlineData(4, 2_500)]
    [InlineData(2, 63)]
    public void EvaluateBatch_List_EqualsOneByOneEvaluationInInputOrder(int parallelism, int count)
    {
        var customers = WorkloadGenerator.Generate(count, seed: 11);

        var results = Engine.EvaluateBatch(customers, Workload.AsOf, new BatchOptions { MaxDegreeOfParallelism = parallelism });

        results.Should().HaveCount(count);
        for (var i = 0; i < count; i++)
        {
            var single = Engine.Evaluate(customers[i], Workload.AsOf);
            results[i].ProfileId.Should().Be(customers[i].Id);
            results[i].Segments.Should().Equal(single.Segments, "profile {0} must get its own result", i);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EvaluateBatch_ArrayMatrix_EqualsBufferApiRowByRow(int parallelism)
    {
        var customers = WorkloadGenerator.Generate(3_000, seed: 12);
        var width = Engine.MembershipIds.Count;
        var matrix = new SegmentState[customers.Length * width];

        var faulted = Engine.EvaluateBatch(customers, Workload.AsOf, matrix, new BatchOptions { MaxDegreeOfParallelism = parallelism });

        faulted.Should().Be(0);
        matrix.Should().NotContain(SegmentState.Faulted);
        var row = new SegmentState[width];
        for (var i = 0; i < customers.Length; i++)
        {
            Engine.Evaluate(customers[i], Workload.AsOf, row);
            matrix.AsSpan(i * width, width).SequenceEqual(row).Should().BeTrue("row {0} must hold profile {0}", i);
        }
    }

    [Fact]
    public void EvaluateBatch_SpanMatrix_EqualsArrayMatrix()
    {
        var customers = WorkloadGenerator.Generate(500, seed: 13);
        var width = Engine.MembershipIds.Count;
        var parallel = new SegmentState[customers.Length * width];
        var serial = new SegmentState[customers.Length * width];

        Engine.EvaluateBatch(customers, Workload.AsOf, parallel);
        var faulted = Engine.EvaluateBatch(new ReadOnlySpan<Customer>(customers), Workload.AsOf, serial.AsSpan());

        faulted.Should().Be(0);
        serial.Should().Equal(parallel);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EvaluateBatch_Matrix_CountsFaultedProfilesAndMarksTheirRows(int parallelism)
    {
        var profiles = Mixed(300);
        var width = Throwing.MembershipIds.Count;
        var everyone = Throwing.IndexOf("everyone");
        var sensitive = Throwing.IndexOf("boom-sensitive");
        var matrix = new SegmentState[profiles.Length * width];
        var spanMatrix = new SegmentState[profiles.Length * width];

        var faulted = Throwing.EvaluateBatch(profiles, Workload.AsOf, matrix, new BatchOptions { MaxDegreeOfParallelism = parallelism });
        var spanFaulted = Throwing.EvaluateBatch(new ReadOnlySpan<Customer>(profiles), Workload.AsOf, spanMatrix.AsSpan());

        var expected = profiles.Count(p => p is null || p.Id == "boom");
        faulted.Should().Be(expected);
        spanFaulted.Should().Be(expected);
        spanMatrix.Should().Equal(matrix);
        for (var i = 0; i < profiles.Length; i++)
        {
            var (all, boom) = (matrix[(i * width) + everyone], matrix[(i * width) + sensitive]);
            (all, boom).Should().Be(profiles[i]?.Id switch
            {
                null => (SegmentState.Faulted, SegmentState.Faulted),
                "boom" => (SegmentState.In, SegmentState.Faulted),
                _ => (SegmentState.In, SegmentState.Out),
            }, "row {0}", i);
        }
    }

    [Fact]
    public void EvaluateBatch_FailFastInParallel_ThrowsSegmentEvaluationExceptionNotAggregate()
    {
        var profiles = Mixed(2_000);

        var act = () => Throwing.EvaluateBatch(profiles, Workload.AsOf, new BatchOptions { FailFast = true, MaxDegreeOfParallelism = 2 });

        act.Should().Throw<SegmentEvaluationException>().Which.Index.Should().BeInRange(0, profiles.Length - 1);
    }

    [Fact]
    public void EvaluateBatch_MatrixTooSmall_ThrowsNamingTheRequiredSize()
    {
        var customers = WorkloadGenerator.Generate(10, seed: 15);
        var needed = 10 * Engine.MembershipIds.Count;
        var small = new SegmentState[needed - 1];

        var array = () => Engine.EvaluateBatch(customers, Workload.AsOf, small);
        var span = () => Engine.EvaluateBatch(new ReadOnlySpan<Customer>(customers), Workload.AsOf, small.AsSpan());

        array.Should().Throw<ArgumentException>().Which.Message.Should().Contain($"{needed} entries");
        span.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("memberships");
    }

    [Fact]
    public void EvaluateBatch_Empty_ReturnsNothing()
    {
        Engine.EvaluateBatch(Array.Empty<Customer>(), Workload.AsOf, Array.Empty<SegmentState>()).Should().Be(0);
        Engine.EvaluateBatch((IReadOnlyList<Customer>)[], Workload.AsOf).Should().BeEmpty();
    }

    /// <summary>Generated customers with a null every 37th place and a throwing "boom" customer every 23rd.</summary>
    private static Customer[] Mixed(int count)
    {
        var customers = WorkloadGenerator.Generate(count, seed: 16);
        for (var i = 5; i < count; i += 23)
        {
            customers[i] = new Customer { Id = "boom" };
        }

        for (var i = 9; i < count; i += 37)
        {
            customers[i] = null!;
        }

        return customers;
    }

    private sealed class ThrowingCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => c.Id);
            s.Segment("everyone").When(c => true);
            s.Segment("boom-sensitive").When(c => Explode(c));
        }

        private static bool Explode(Customer customer) => customer.Id == "boom" ? throw new InvalidOperationException("boom") : false;
    }
}
