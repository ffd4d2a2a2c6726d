using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;

namespace Segmentation.Core.Tests.Dsl;

/// <summary><c>DateOnly</c>, nullable dates and any number type work wherever <c>DateTime</c> and <c>decimal</c> do.</summary>
public sealed class DateAndNumberTypesTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly SegmentEngine<Member> Engine = SegmentEngine.Compile(SegmentCatalog.Create<Member>(s =>
    {
        var visits = s.Dated(m => m.Visits, v => v.On);
        var payments = s.Dated(m => m.Payments, p => p.At);
        var tickets = s.Dated(m => m.Tickets, t => t.Day);
        s.Segment("adult").When(s.Age(m => m.Born).AtLeast(18));
        s.Segment("adult-maybe").When(s.Age(m => m.BornMaybe).AtLeast(18));
        s.Segment("adult-legacy").When(s.Age(m => m.Registered).AtLeast(18));
        s.Segment("birthday-month").When(s.Date(m => m.Born).InAsOfMonth());
        s.Segment("birthday-week-maybe").When(s.Date(m => m.BornMaybe).AnniversaryWithin(7));
        s.Segment("visited").When(visits.Count().InLast(30).AtLeast(2));
        s.Segment("paid").When(payments.Sum(p => p.Amount).Ever().AtLeast(100));
        s.Segment("ticket").When(tickets.Any().InLast(7));
        s.Segment("points").When(s.Value(m => m.Points).AtLeast(10));
        s.Segment("big-points").When(s.Value(m => m.LifetimePoints).GreaterThan(5_000_000_000));
        s.Segment("rating").When(s.Value(m => m.Rating).AtLeast(4.5m));
        s.Segment("rating-maybe").When(s.Value(m => m.RatingMaybe).AtLeast(4.5m));
        s.Segment("nps").When(s.Value(m => m.Nps).AtLeast(9));
    }, "types"));

    [Fact]
    public void Evaluate_DateOnlyAndNullableDates_MatchLikeDateTime()
    {
        var member = new Member
        {
            Born = new DateOnly(2008, 11, 1),
            BornMaybe = new DateOnly(2008, 11, 5),
            Registered = new DateTime(2008, 11, 2, 0, 0, 0, DateTimeKind.Utc),
            Visits = [new(new DateOnly(2026, 10, 31)), new(new DateOnly(2026, 10, 3)), new(new DateOnly(2026, 10, 2))],
            Payments = [new(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 60), new(null, 1_000), new(new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), 40)],
            Tickets = [new(null), new(new DateOnly(2026, 10, 26))],
        };

        var result = Engine.Evaluate(member, AsOf);

        result.IsIn("adult").Should().BeTrue("18 on the day");
        result.IsIn("adult-maybe").Should().BeFalse("18 only on November 5");
        result.IsIn("adult-legacy").Should().BeFalse("18 only on November 2");
        result.IsIn("birthday-month").Should().BeTrue();
        result.IsIn("birthday-week-maybe").Should().BeTrue();
        result.IsIn("visited").Should().BeTrue("October 3 and 31 are within 30 days, October 2 (at its midnight, the open end) is not");
        result.IsIn("paid").Should().BeTrue("60 + 40; the payment without a date is not a fact");
        result.IsIn("ticket").Should().BeTrue();
        Engine.Evaluate(member, AsOf.AddDays(2)).IsIn("ticket").Should().BeFalse("the ticket day leaves the 7-day window at its midnight UTC");
        Engine.Evaluate(member, AsOf.AddDays(-365)).IsIn("paid").Should().BeFalse();
    }

    [Fact]
    public void Evaluate_MissingDates_NeverMatchAndAreNotFacts()
    {
        var member = new Member { Payments = [new(null, 500)], Tickets = [new(null)], Visits = null };

        var result = Engine.Evaluate(member, AsOf);

        result.IsIn("adult-maybe").Should().BeFalse();
        result.IsIn("birthday-week-maybe").Should().BeFalse();
        result.IsIn("paid").Should().BeFalse();
        result.IsIn("ticket").Should().BeFalse();
        result.StateOf("visited").Should().Be(SegmentState.Faulted, "a missing collection is reported as always");
        Engine.Explain(member, "paid", AsOf).ToString().Should().Be("paid: no" + Environment.NewLine + "  sum(payments.Amount) ever = 0, needs >= 100: no");
    }

    [Fact]
    public void Evaluate_IntLongDoubleFields_CompareWithoutCasts()
    {
        var member = new Member { Points = 10, LifetimePoints = 5_000_000_001, Rating = 4.5, RatingMaybe = null, Nps = 9 };

        var result = Engine.Evaluate(member, AsOf);

        result.IsIn("points").Should().BeTrue();
        result.IsIn("big-points").Should().BeTrue();
        result.IsIn("rating").Should().BeTrue();
        result.IsIn("rating-maybe").Should().BeFalse("null never matches");
        result.IsIn("nps").Should().BeTrue();
        Engine.Explain(member, "rating", AsOf).ToString().Should().Be("rating: yes" + Environment.NewLine + "  m.Rating = 4.5, needs >= 4.5: yes");
    }

    [Fact]
    public void Value_IntField_IsOneConversionToNullableDecimalAsTheCompilerWritesIt()
    {
        var builder = new CatalogBuilder<Member>();

        var selector = ((Segmentation.Core.Model.ProfileValueSource)builder.Value(m => m.Points).Source).Selector;

        // The generated code compares whole-number fields as long when it sees exactly this shape.
        selector.Body.Should().BeAssignableTo<System.Linq.Expressions.UnaryExpression>()
            .Which.Operand.Type.Should().Be(typeof(int));
        selector.Body.Type.Should().Be(typeof(decimal?));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e30)]
    public void Evaluate_DoubleOutsideDecimal_FaultsOnlyThatCondition(double rating)
    {
        var result = Engine.Evaluate(new Member { Rating = rating, Points = 11 }, AsOf);

        result.StateOf("rating").Should().Be(SegmentState.Faulted);
        result.Faults.Should().ContainSingle(f => f.SegmentId == "rating").Which.Exception.Should().BeOfType<OverflowException>();
        result.IsIn("points").Should().BeTrue();
    }

    [Fact]
    public void ValidUntil_DateOnlyCollectionAndNullableDates_AnswersExactly()
    {
        var member = new Member
        {
            BornMaybe = new DateOnly(1990, 11, 20),
            Tickets = [new(null), new(new DateOnly(2026, 10, 30))],
        };

        Engine.ValidUntil(member, "ticket", AsOf).ValidUntil.Should().Be(new DateTimeOffset(2026, 11, 6, 0, 0, 0, TimeSpan.Zero));
        Engine.ValidUntil(member, "birthday-week-maybe", AsOf).ValidUntil.Should().Be(new DateTimeOffset(2026, 11, 13, 0, 0, 0, TimeSpan.Zero));
    }

    public sealed class Member
    {
        public DateOnly Born { get; init; }

        public DateOnly? BornMaybe { get; init; }

        public DateTime? Registered { get; init; }

        public int Points { get; init; }

        public long LifetimePoints { get; init; }

        public double Rating { get; init; }

        public double? RatingMaybe { get; init; }

        public int? Nps { get; init; }

        public List<Visit>? Visits { get; init; } = [];

        public List<Payment> Payments { get; init; } = [];

        public List<Ticket> Tickets { get; init; } = [];
    }

    public sealed record Visit(DateOnly On);

    public sealed record Payment(DateTime? At, decimal Amount);

    public sealed record Ticket(DateOnly? Day);
}
