using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.Tracking;

/// <summary>
/// The valid-until sweep (which evaluates the engine only where some comparison's outcome changes) against a brute-force
/// reference that evaluates the engine at every instant where any fact enters or leaves any window or crosses any
/// days-since threshold: both must give the same first change for every segment and for the whole catalog.
/// </summary>
public sealed class ValiditySweepDifferentialTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    // Every window bound and days-since threshold of the catalog below, in days; strict thresholds also get one tick more.
    private static readonly decimal[] Offsets = [0, 7, 10, 14, 20, 30, 45, 60, 90, 100.5m, 120, 180, 365];

    private static readonly decimal[] Amounts =
    [
        10m, 19.99m, 0.001m, -5m, 33.333333m, 50m, 99.99m, 100m, 250.5m, 12.5m, 40.25m, 1.0000000000000000000000000001m, 7_922_816_251_426_433_759_354_395_033m,
    ];

    private static readonly SegmentEngine<Customer> Engine = SegmentEngine.Compile(SegmentCatalog.Create<Customer>(s =>
    {
        s.IdentifiedBy(c => c.Id);
        var orders = s.Dated(c => c.Orders, o => o.At);
        s.Segment("count").When(orders.Count().InLast(30).AtLeast(3));
        s.Segment("sum").When(orders.Sum(o => o.Amount).InLast(90).AtLeast(250.5m));
        s.Segment("average").When(orders.Average(o => o.Amount).InLast(60).Between(20, 40.25m));
        s.Segment("min").When(orders.Min(o => o.Amount).InLast(45).AtMost(10));
        s.Segment("max").When(orders.Max(o => o.Amount).InLast(120).GreaterThan(99.99m));
        s.Segment("since-last").When(orders.DaysSinceLast().Ever().AtLeast(20));
        s.Segment("since-first").When(orders.DaysSinceFirst().InLast(365).GreaterThan(100.5m));
        s.Segment("distinct").When(orders.DistinctDays().InLast(14).AtLeast(2));
        s.Segment("repeat").When(orders.RepeatDays().InLast(60).AtLeast(3));
        s.Segment("first-to-last").When(orders.DaysFirstToLast().InLast(180).AtLeast(30));
        s.Segment("repeat-average").When(orders.RepeatDayAverage(o => o.Amount).InLast(90).AtLeast(25));
        s.Segment("day-average").When(orders.DayAverage(o => o.Amount).InLast(30).AtLeast(50));
        s.Segment("between").When(orders.Count(o => o.Category == "a").BetweenDaysAgo(7, 30).AtLeast(1));
        s.Segment("older").When(orders.Count().OlderThan(60).AtLeast(5));
        s.Segment("quiet").When(orders.None().InLast(10));
        s.Segment("mixed").When(s.InSegment("sum") | (s.NotInSegment("count") & s.InSegment("repeat")));
        s.Group("stage").Member("busy", s.InSegment("count")).Member("spender", s.InSegment("day-average")).Otherwise("idle");
        s.Score("activity").Add(1, s.InSegment("count")).Add(2, s.InSegment("sum")).Add(-1, s.InSegment("quiet"));
        s.Segment("active-score").When(s.ScoreOf("activity").AtLeast(2));
    }, "sweep"));

    [Fact]
    public void ValidUntil_RandomCustomers_EqualsBruteForceOverEveryInstant()
    {
        var random = new Random(20261201);
        for (var n = 0; n < 120; n++)
        {
            var customer = RandomCustomer(random, $"c{n}");
            var reference = BruteForce(customer);

            var all = Engine.ValidUntil(customer, AsOf);
            all.ValidUntil.Should().Be(reference.Values.Min(), customer.Id);
            foreach (var id in Engine.MembershipIds)
            {
                var expected = id == "stage" ? new[] { "stage", "busy", "spender", "idle" }.Select(m => reference[m]).Min() : reference[id];
                Engine.ValidUntil(customer, id, AsOf).ValidUntil.Should().Be(expected, $"{customer.Id} {id}");
            }
        }
    }

    [Fact]
    public void ValidUntil_ManyOrdersLeavingTheWindow_EvaluatesOnlyWhereTheOutcomeChanges()
    {
        var customer = new Customer { Id = "many" };
        for (var i = 0; i < 5_000; i++)
        {
            customer.Orders.Add(new Order { At = AsOf.UtcDateTime.AddMinutes(-i * 20), Amount = 1m, Category = "b" });
        }

        var validity = Engine.ValidUntil(customer, "sum", AsOf);

        // 5,000 orders of 1 in the last 90 days; the sum drops below 250.5 when order #250 (250 × 20 minutes old) leaves.
        var expected = AsOf.AddDays(90).AddMinutes(-250 * 20);
        validity.ValidUntil.Should().Be(expected);
        Engine.Evaluate(customer, expected).IsIn("sum").Should().BeFalse();
        Engine.Evaluate(customer, expected.AddTicks(-1)).IsIn("sum").Should().BeTrue();
        validity.CandidatesEvaluated.Should().Be(1);
    }

    private static Customer RandomCustomer(Random random, string id)
    {
        var customer = new Customer { Id = id };
        var count = random.Next(0, 40);
        for (var i = 0; i < count; i++)
        {
            var daysAgo = random.Next(-40, 400) + (random.Next(3) == 0 ? 0 : random.NextDouble());
            var at = AsOf.UtcDateTime.AddDays(-daysAgo);
            var amount = random.Next(40) == 0 ? Amounts[^1] : Amounts[random.Next(Amounts.Length - 1)];
            customer.Orders.Add(new Order { At = at, Amount = amount, Category = random.Next(2) == 0 ? "a" : "b" });
            if (random.Next(5) == 0)
            {
                customer.Orders.Add(new Order { At = at.Date.AddHours(random.Next(24)), Amount = Amounts[random.Next(Amounts.Length - 1)], Category = "a" });
            }
        }

        return customer;
    }

    /// <summary>The first instant after as-of at which each membership differs, evaluating at every possible instant.</summary>
    private static Dictionary<string, DateTimeOffset?> BruteForce(Customer customer)
    {
        var instants = new SortedSet<long>();
        foreach (var order in customer.Orders)
        {
            foreach (var days in Offsets)
            {
                var ticks = order.At.Ticks + (long)(days * TimeSpan.TicksPerDay);
                instants.Add(ticks);
                instants.Add(ticks + 1);
            }
        }

        var width = Engine.MembershipIds.Count;
        var before = new SegmentState[width];
        var probe = new SegmentState[width];
        Engine.Evaluate(customer, AsOf, before);
        var first = Engine.MembershipIds.ToDictionary(id => id, _ => (DateTimeOffset?)null);
        foreach (var ticks in instants.Where(t => t > AsOf.UtcTicks))
        {
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            Engine.Evaluate(customer, at, probe);
            for (var i = 0; i < width; i++)
            {
                if (probe[i] != before[i] && first[Engine.MembershipIds[i]] is null)
                {
                    first[Engine.MembershipIds[i]] = at;
                }
            }
        }

        return first;
    }
}
