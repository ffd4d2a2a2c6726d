using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using static Segmentation.Core.Tests.Tracking.TestCatalogs;

namespace Segmentation.Core.Tests.Tracking;

public sealed class ValidityExtremesTests
{
    private static readonly SegmentEngine<Customer> Occasions = SegmentEngine.Compile(SegmentCatalog.Create<Customer>(s =>
    {
        s.IdentifiedBy(c => c.Id);
        var orders = s.Dated(c => c.Orders, o => o.At);
        s.Segment("buyer").When(orders.Any().InLast(90));
        s.Segment("quiet").When(orders.DaysSinceLast().Ever().AtLeast(60));
        s.Segment("birthday-month").When(s.Date(c => c.BirthDate).InAsOfMonth());
        s.Segment("birthday-week").When(s.Date(c => c.BirthDate).AnniversaryWithin(7));
        s.Segment("adult").When(s.Age(c => c.BirthDate).AtLeast(18));
    }, "occasions"));

    public static TheoryData<string> Ids => ["buyer", "quiet", "birthday-month", "birthday-week", "adult"];

    [Fact]
    public void ValidUntil_FactDatedMaxValueWithBirthdaySegments_AnswersWithoutThrowing()
    {
        var customer = Customer("never", DateTime.MaxValue);

        var validity = Occasions.ValidUntil(customer, AsOf);

        validity.Kind.Should().Be(ValidityKind.Changes);
        AssertExact(customer, AsOf, validity, null);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ValidUntil_FactDatedMaxValue_EverySegmentAnswers(string id)
    {
        var customer = Customer("never", Utc(2026, 5, 1), DateTime.MaxValue);

        var validity = Occasions.ValidUntil(customer, id, AsOf);

        validity.Kind.Should().NotBe(ValidityKind.Unknown);
        AssertExact(customer, AsOf, validity, id);
    }

    public static TheoryData<DateTimeOffset> ExtremeAsOfs => new()
    {
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
        DateTimeOffset.MaxValue.AddDays(-3),
        new DateTimeOffset(9999, 12, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(2),
    };

    [Theory]
    [MemberData(nameof(ExtremeAsOfs))]
    public void ValidUntil_ExtremeAsOf_AnswersWithoutThrowing(DateTimeOffset asOf)
    {
        var customer = Customer("c1", Utc(2026, 5, 1), DateTime.MaxValue, DateTime.MinValue);

        var all = Occasions.ValidUntil(customer, asOf);

        all.AsOf.Should().Be(asOf);
        AssertExact(customer, asOf, all, null);
        foreach (var id in Ids)
        {
            AssertExact(customer, asOf, Occasions.ValidUntil(customer, id, asOf), id);
        }
    }

    [Fact]
    public void ValidUntil_MaxValueAsOf_IsStableBecauseNoLaterInstantExists()
    {
        var customer = Customer("c1", Utc(2026, 5, 1));

        Occasions.ValidUntil(customer, DateTimeOffset.MaxValue).Kind.Should().Be(ValidityKind.Stable);
    }

    [Fact]
    public void ValidUntil_BirthDateMaxValue_AnswersWithoutThrowing()
    {
        var customer = new Customer { Id = "b", BirthDate = DateTime.MaxValue };

        foreach (var asOf in new[] { AsOf, DateTimeOffset.MaxValue.AddDays(-40), default })
        {
            AssertExact(customer, asOf, Occasions.ValidUntil(customer, asOf), null);
        }
    }

    private static void AssertExact(Customer customer, DateTimeOffset asOf, MembershipValidity validity, string? id)
    {
        var before = States(customer, asOf, id);
        if (validity.ValidUntil is { } until)
        {
            until.Should().BeAfter(asOf);
            States(customer, until, id).Should().NotEqual(before, $"{id} changes at {until:O}");
            States(customer, until.AddTicks(-1), id).Should().Equal(before, $"{id} is unchanged just before {until:O}");
        }
    }

    private static SegmentState[] States(Customer customer, DateTimeOffset at, string? id)
    {
        var states = new SegmentState[Occasions.MembershipIds.Count];
        Occasions.Evaluate(customer, at, states);
        return id is null ? states : [states[Occasions.IndexOf(id)]];
    }
}
