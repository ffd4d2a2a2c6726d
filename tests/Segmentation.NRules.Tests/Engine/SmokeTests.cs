using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.NRules.Engine;

namespace Segmentation.NRules.Tests.Engine;

public sealed class SmokeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Order(DateTimeOffset At, decimal Amount);

    public sealed class Customer
    {
        public string Id { get; init; } = "c";

        public List<Order> Orders { get; init; } = [];

        public int? Nps { get; init; }
    }

    [Fact]
    public void Evaluate_SmallCatalog_SameAsNative()
    {
        var catalog = SegmentCatalog.Create<Customer>(s =>
        {
            s.IdentifiedBy(c => c.Id);
            var orders = s.Dated(c => c.Orders, o => o.At);
            s.Segment("vip").When(s.InSegment("big")).And(s.NotInSegment("new"));
            s.Segment("big").When(orders.Sum(o => o.Amount).Ever().AtLeast(100));
            s.Segment("new").When(orders.Count().Ever().LessThan(2));
            s.Segment("promoter").When(s.Value(c => c.Nps!.Value).AtLeast(9));
            s.Group("stage").Member("many", orders.Count().Ever().AtLeast(3)).Member("some", orders.Any().Ever()).Otherwise("none");
            s.Score("eng").Add(10, orders.Any().InLast(30)).Add(5, s.InSegment("big")).Tiers(("low", 0), ("high", 15));
        });
        var native = SegmentEngine.Compile(catalog);
        var nrules = NRulesSegmentEngine.Compile(catalog);
        var customers = new[]
        {
            new Customer { Id = "a", Orders = [new(AsOf.AddDays(-3), 80), new(AsOf.AddDays(-40), 50)], Nps = 10 },
            new Customer { Id = "b", Orders = [new(AsOf.AddDays(-3), 80), new(AsOf.AddDays(-40), 50), new(AsOf.AddDays(-400), 5)] },
            new Customer { Id = "c" },
        };
        foreach (var customer in customers)
        {
            var expected = native.Evaluate(customer, AsOf);
            var actual = nrules.Evaluate(customer, AsOf);
            actual.ToString().Should().Be(expected.ToString());
            foreach (var id in native.MembershipIds)
            {
                actual.StateOf(id).Should().Be(expected.StateOf(id), id);
            }

            actual.MemberOf("stage").Should().Be(expected.MemberOf("stage"));
            actual.Score("eng").Should().Be(expected.Score("eng"));
            actual.Tier("eng").Should().Be(expected.Tier("eng"));
            actual.Faults.Select(f => f.SegmentId).Should().Equal(expected.Faults.Select(f => f.SegmentId));
        }
    }
}
