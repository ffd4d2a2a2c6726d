using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using static Segmentation.Core.Tests.Tracking.TestCatalogs;

namespace Segmentation.Core.Tests.Tracking;

public sealed class ValidityAnalyzerTests
{
    private static readonly SegmentEngine<Customer> Workloads = SegmentEngine.Compile(new WorkloadCatalog());
    private static readonly SegmentEngine<Customer> Timed = SegmentEngine.Compile(new TimedCatalog());

    [Fact]
    public void ValidUntil_LastOrderLeaves90DayWindow_ChurnRiskEntersExactlyThen()
    {
        var last = new DateTime(2026, 5, 31, 13, 45, 10, DateTimeKind.Utc);
        var customer = Customer("c1", Utc(2025, 1, 1), Utc(2026, 2, 1), last);

        var validity = Workloads.ValidUntil(customer, "churn-risk", AsOf);

        validity.Kind.Should().Be(ValidityKind.Changes);
        validity.ValidUntil.Should().Be(new DateTimeOffset(last).AddDays(90));
        Workloads.Evaluate(customer, validity.ValidUntil!.Value).IsIn("churn-risk").Should().BeTrue();
        Workloads.Evaluate(customer, validity.ValidUntil.Value.AddTicks(-1)).IsIn("churn-risk").Should().BeFalse();
    }

    [Fact]
    public void ValidUntil_ExclusiveGroup_ChangesWhenPurchaseLeavesThirtyDayWindow()
    {
        var last = new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc);
        var engine = Journey();
        var customer = Customer("c1", last);
        customer.Events.Add(new Event { At = Utc(2026, 5, 1), Type = EventTypes.AddToCart });

        var validity = engine.ValidUntil(customer, "journey-stage", AsOf);

        validity.ValidUntil.Should().Be(new DateTimeOffset(last).AddDays(30));
        engine.Evaluate(customer, validity.ValidUntil!.Value).MemberOf("journey-stage").Should().Be("awareness");
        engine.Evaluate(customer, validity.ValidUntil.Value.AddTicks(-1)).MemberOf("journey-stage").Should().Be("purchase");
    }

    [Fact]
    public void ValidUntil_FutureDatedOrder_ChangesWhenItBecomesVisible()
    {
        var future = new DateTime(2026, 7, 4, 8, 0, 0, DateTimeKind.Utc);
        var customer = Customer("c1", future);

        var validity = Timed.ValidUntil(customer, "buyer", AsOf);

        validity.ValidUntil.Should().Be(new DateTimeOffset(future));
    }

    [Theory]
    [InlineData("quiet-60", 0)]
    [InlineData("quiet-over-60", 1)]
    public void ValidUntil_DaysSinceLastThreshold_CrossesAtThresholdOrOneTickLater(string segment, long extraTicks)
    {
        var last = new DateTime(2026, 5, 10, 6, 30, 0, DateTimeKind.Utc);
        var customer = Customer("c1", Utc(2026, 1, 5), last);

        var validity = Timed.ValidUntil(customer, segment, AsOf);

        validity.ValidUntil.Should().Be(new DateTimeOffset(last).AddDays(60).AddTicks(extraTicks));
    }

    [Fact]
    public void ValidUntil_AgeBand_ExitsOnThirtiethBirthdayAtUtcMidnight()
    {
        var customer = new Customer { Id = "y", BirthDate = Utc(2000, 3, 15), City = "Berlin", Country = "DE" };

        var validity = Workloads.ValidUntil(customer, "young-urban", AsOf);

        validity.ValidUntil.Should().Be(new DateTimeOffset(2030, 3, 15, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ValidUntil_LeapDayBirthdayWithinAWeek_EntersSevenDaysBeforeMarchFirst()
    {
        var customer = new Customer { Id = "leap", BirthDate = Utc(1996, 2, 29) };

        var validity = Timed.ValidUntil(customer, "birthday-week", AsOf);

        validity.ValidUntil.Should().Be(new DateTimeOffset(2027, 2, 22, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ValidUntil_ProfileOnlyCondition_IsStableWithoutEvaluating()
    {
        var customer = new Customer { Id = "eu", Country = "DE" };

        var validity = Workloads.ValidUntil(customer, "eu", AsOf);

        validity.Kind.Should().Be(ValidityKind.Stable);
        validity.ValidUntil.Should().BeNull();
        validity.CandidatesEvaluated.Should().Be(0);
    }

    [Fact]
    public void ValidUntil_AsOfPredicateReachableThroughReference_IsUnknown()
    {
        var validity = Timed.ValidUntil(Customer("c1"), "morning-buyer", AsOf);

        validity.Kind.Should().Be(ValidityKind.Unknown);
        validity.ValidUntil.Should().BeNull();
        validity.UnknownConditions.Should().ContainSingle().Which.Should().Contain("asOf.Hour");
        Timed.ValidUntil(Customer("c1"), "buyer", AsOf).Kind.Should().NotBe(ValidityKind.Unknown);
    }

    [Fact]
    public void ValidUntil_GeneratedWorkload_StateChangesExactlyAtValidUntilAndNowhereBefore()
    {
        var random = new Random(7);
        foreach (var customer in WorkloadGenerator.Generate(150, seed: 11))
        {
            var validity = Workloads.ValidUntil(customer, Workload.AsOf);
            var before = States(customer, Workload.AsOf);

            validity.Kind.Should().Be(ValidityKind.Changes, customer.Id);
            var until = validity.ValidUntil!.Value;
            States(customer, until).Should().NotEqual(before, $"{customer.Id} changes at {until:O}");
            States(customer, until.AddTicks(-1)).Should().Equal(before, $"{customer.Id} is unchanged just before {until:O}");
            foreach (var at in Samples(Workload.AsOf, until, random))
            {
                States(customer, at).Should().Equal(before, $"{customer.Id} is unchanged at {at:O} before {until:O}");
            }
        }
    }

    [Fact]
    public void ValidUntil_EverySegmentOfGeneratedWorkload_IsExactPerSegment()
    {
        var random = new Random(3);
        foreach (var customer in WorkloadGenerator.Generate(60, seed: 5))
        {
            foreach (var id in Workloads.MembershipIds)
            {
                var validity = Workloads.ValidUntil(customer, id, Workload.AsOf);
                var before = Workloads.Evaluate(customer, Workload.AsOf).StateOf(id);
                var end = validity.ValidUntil ?? Workload.AsOf.AddYears(6);
                if (validity.ValidUntil is { } until)
                {
                    Workloads.Evaluate(customer, until).StateOf(id).Should().NotBe(before, $"{customer.Id} {id}");
                }

                foreach (var at in Samples(Workload.AsOf, end, random).Take(12))
                {
                    Workloads.Evaluate(customer, at).StateOf(id).Should().Be(before, $"{customer.Id} {id} at {at:O}");
                }
            }
        }
    }

    private static SegmentState[] States(Customer customer, DateTimeOffset at)
    {
        var states = new SegmentState[Workloads.MembershipIds.Count];
        Workloads.Evaluate(customer, at, states);
        return states;
    }

    private static IEnumerable<DateTimeOffset> Samples(DateTimeOffset from, DateTimeOffset until, Random random)
    {
        var span = (until - from).Ticks;
        for (var i = 0; i < 20 && span > 2; i++)
        {
            yield return from.AddTicks(1 + (long)(random.NextDouble() * (span - 2)));
        }

        for (var day = from.UtcDateTime.Date.AddDays(1); day < until.UtcDateTime && day < from.UtcDateTime.AddDays(60); day = day.AddDays(1))
        {
            yield return new DateTimeOffset(day, TimeSpan.Zero);
            yield return new DateTimeOffset(day, TimeSpan.Zero).AddTicks(-1);
        }
    }

    private sealed class TimedCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => c.Id);
            var orders = s.Dated(c => c.Orders, o => o.At);
            s.Segment("buyer").When(orders.Any().Ever());
            s.Segment("quiet-60").When(orders.DaysSinceLast().Ever().AtLeast(60));
            s.Segment("quiet-over-60").When(orders.DaysSinceLast().Ever().GreaterThan(60));
            s.Segment("birthday-week").When(s.Date(c => c.BirthDate).AnniversaryWithin(7));
            s.Segment("morning").When(s.Where((c, asOf) => asOf.Hour < 12));
            s.Segment("morning-buyer").When(s.InSegment("buyer")).And(s.InSegment("morning"));
        }
    }
}
