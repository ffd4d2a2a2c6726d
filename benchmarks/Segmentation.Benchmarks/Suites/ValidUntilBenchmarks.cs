using BenchmarkDotNet.Attributes;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Suites;

/// <summary>
/// Valid-until for one customer with many orders (spread over three years, one order of 10 each), against one evaluation
/// of the same customer: if valid-until is near-linear in the number of orders, its ratio to one evaluation stays about
/// the same from 10,000 to 1,000,000 orders (it used to grow with the number of orders: every window exit was evaluated).
/// </summary>
[MemoryDiagnoser]
public class ValidUntilBenchmarks
{
    private SegmentEngine<Customer> engine = null!;
    private Customer customer = null!;
    private SegmentState[] buffer = [];

    /// <summary>The number of orders of the customer.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Orders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        engine = SegmentEngine.Compile(new WorkloadCatalog());
        buffer = new SegmentState[engine.MembershipIds.Count];
        var random = new Random(1);
        customer = new Customer { Id = "many", BirthDate = new DateTime(1990, 3, 4, 0, 0, 0, DateTimeKind.Utc), City = "Berlin", Country = "DE" };
        for (var i = 0; i < Orders; i++)
        {
            customer.Orders.Add(new Order { At = Workload.AsOfUtc.AddDays(-random.NextDouble() * 3 * 365), Amount = 10m, Category = "books" });
        }

        // The answers checked against the engine itself: the state changes exactly at valid-until and not one tick before.
        foreach (var (validity, slot) in new[] { (engine.ValidUntil(customer, Workload.AsOf), -1), (engine.ValidUntil(customer, "high-value", Workload.AsOf), engine.IndexOf("high-value")) })
        {
            var until = validity.ValidUntil ?? throw new InvalidOperationException("Valid-until found no change.");
            if (Same(until, slot) || !Same(until.AddTicks(-1), slot))
            {
                throw new InvalidOperationException($"Valid-until {until:O} is not where the state changes.");
            }
        }

        Console.WriteLine($"// {Orders} orders: {engine.ValidUntil(customer, Workload.AsOf)}");
    }

    /// <summary>One evaluation of every segment with the buffer API, for scale.</summary>
    [Benchmark(Baseline = true)]
    public bool Evaluate() => engine.Evaluate(customer, Workload.AsOf, buffer);

    /// <summary>When any membership of the customer changes.</summary>
    [Benchmark]
    public MembershipValidity ValidUntilAll() => engine.ValidUntil(customer, Workload.AsOf);

    /// <summary>When the customer leaves high-value (the sum of orders in 365 days falls below 1,000).</summary>
    [Benchmark]
    public MembershipValidity ValidUntilHighValue() => engine.ValidUntil(customer, "high-value", Workload.AsOf);

    /// <summary>Whether the state at <paramref name="at"/> equals the state as of the workload's as-of: every membership, or one slot.</summary>
    private bool Same(DateTimeOffset at, int slot)
    {
        var before = new SegmentState[buffer.Length];
        var probe = new SegmentState[buffer.Length];
        engine.Evaluate(customer, Workload.AsOf, before);
        engine.Evaluate(customer, at, probe);
        return slot < 0 ? before.AsSpan().SequenceEqual(probe) : before[slot] == probe[slot];
    }
}
