using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class FaultTests
{
    // City is null for the faulty profile: p.City.Length throws NullReferenceException.
    private static readonly Person Faulty = new() { Id = "bad", City = null, Nps = 9, Facts = [new Fact(DaysAgo(1), 10m)] };

    private static Condition<Person> Throws(ICatalogBuilder<Person> s) => s.Where(p => p.City!.Length > 100);

    private static Condition<Person> True(ICatalogBuilder<Person> s) => s.Where(p => p.Nps == 9);

    private static Condition<Person> False(ICatalogBuilder<Person> s) => s.Where(p => p.Nps == 0);

    [Fact]
    public void Evaluate_ThrowingPredicate_FaultsSegmentWithConditionAndException()
    {
        // Arrange
        var engine = Compile(s =>
        {
            s.IdentifiedBy(p => p.Id);
            s.Segment("boom").When(p => p.City!.Length > 100);
            s.Segment("fine").When(p => p.Nps == 9);
        });

        // Act
        var result = engine.Evaluate(Faulty, AsOf);

        // Assert
        result.StateOf("boom").Should().Be(SegmentState.Faulted);
        result.IsIn("boom").Should().BeFalse();
        result.IsFaulted("boom").Should().BeTrue();
        result.IsIn("fine").Should().BeTrue();
        result.ProfileId.Should().Be("bad");
        var fault = result.Faults.Should().ContainSingle().Which;
        fault.SegmentId.Should().Be("boom");
        fault.Condition.Should().Be("p.City.Length > 100");
        fault.Exception.Should().BeOfType<NullReferenceException>();
        fault.CauseId.Should().BeNull();
        fault.ToString().Should().Be("boom: 'p.City.Length > 100' threw NullReferenceException: Object reference not set to an instance of an object.");
    }

    [Fact]
    public void Evaluate_DependantsOfFaultedSegment_AreFaultedWithRootCause()
    {
        // Arrange
        var engine = Compile(s =>
        {
            s.Segment("top").When(s.InSegment("middle"));
            s.Segment("middle").When(s.NotInSegment("boom"));
            s.Segment("boom").When(Throws(s));
            s.Segment("short-circuit").When(s.InSegment("boom")).And(False(s));
        });

        // Act
        var result = engine.Evaluate(Faulty, AsOf);

        // Assert
        result.Faults.Select(f => (f.SegmentId, f.CauseId)).Should().Equal(("top", "boom"), ("middle", "boom"), ("boom", null));
        result.IsFaulted("short-circuit").Should().BeFalse();
        result.Faults.Should().OnlyContain(f => f.Condition == "p.City.Length > 100" && f.Exception is NullReferenceException);
        result.Faults[1].ToString().Should().Be("middle: depends on faulted boom ('p.City.Length > 100' threw NullReferenceException: Object reference not set to an instance of an object.)");
    }

    public static TheoryData<string, SegmentState> KleeneCases => new()
    {
        { "fault and false", SegmentState.Out },
        { "false and fault", SegmentState.Out },
        { "fault and true", SegmentState.Faulted },
        { "fault or true", SegmentState.In },
        { "true or fault", SegmentState.In },
        { "fault or false", SegmentState.Faulted },
        { "not fault", SegmentState.Faulted },
        { "not (fault and false)", SegmentState.In },
        { "not (fault or true)", SegmentState.Out },
        { "when fault, and false", SegmentState.Out },
        { "when true, and fault", SegmentState.Faulted },
    };

    [Theory]
    [MemberData(nameof(KleeneCases))]
    public void Evaluate_FaultInComposite_FollowsKleeneLogic(string shape, SegmentState expected)
    {
        // Arrange
        var engine = Compile(s =>
        {
            var segment = s.Segment("x");
            _ = shape switch
            {
                "fault and false" => segment.When(Throws(s) & False(s)),
                "false and fault" => segment.When(False(s) & Throws(s)),
                "fault and true" => segment.When(Throws(s) & True(s)),
                "fault or true" => segment.When(Throws(s) | True(s)),
                "true or fault" => segment.When(True(s) | Throws(s)),
                "fault or false" => segment.When(Throws(s) | False(s)),
                "not fault" => segment.When(!Throws(s)),
                "not (fault and false)" => segment.When(!(Throws(s) & False(s))),
                "not (fault or true)" => segment.When(!(Throws(s) | True(s))),
                "when fault, and false" => segment.When(Throws(s)).And(False(s)),
                _ => segment.When(True(s)).And(Throws(s)),
            };
        });

        // Act
        var result = engine.Evaluate(Faulty, AsOf);

        // Assert
        result.StateOf("x").Should().Be(expected);
        result.HasFaults.Should().Be(expected == SegmentState.Faulted);
    }

    [Fact]
    public void Evaluate_ThrowingFilter_FaultsOnlyAggregatesUsingThatFilter()
    {
        // Arrange
        var person = With(new Fact(DaysAgo(1), 10m, "a"), new Fact(DaysAgo(2), 20m, null!), new Fact(DaysAgo(40), 30m, "b"));
        var engine = Compile(s =>
        {
            var f = s.Dated(p => p.Facts, x => x.At, "orders");
            s.Segment("filtered-30").When(f.Count(x => x.Kind.StartsWith('a')).InLast(30).AtLeast(1));
            s.Segment("filtered-ever").When(f.Sum(x => x.Amount, x => x.Kind.StartsWith('a')).Ever().AtLeast(1));
            s.Segment("count-3").When(f.Count().Ever().EqualTo(3));
            s.Segment("sum-60").When(f.Sum(x => x.Amount).Ever().EqualTo(60m));
            s.Segment("days-2").When(f.DistinctDays().InLast(30).EqualTo(2));
            s.Segment("safe-filter").When(f.Count(x => x.Amount > 15m).Ever().EqualTo(2));
        });

        // Act
        var result = engine.Evaluate(person, AsOf);

        // Assert
        result.Faults.Select(f => f.SegmentId).Should().Equal("filtered-30", "filtered-ever");
        result.Segments.Should().Equal("count-3", "sum-60", "days-2", "safe-filter");
        result.Faults[0].Condition.Should().Be("count(orders where x.Kind.StartsWith(a)) in last 30 days");
        result.Faults[0].Exception.Should().BeOfType<NullReferenceException>();
    }

    [Fact]
    public void Evaluate_ThrowingSelector_FaultsOnlyAggregatesUsingThatSelector()
    {
        var person = new Person { Facts = [new Fact(DaysAgo(1), 10m, "a")], Visits = [new Visit(AsOf.AddDays(-1), null!)] };
        var engine = Compile(s =>
        {
            var v = s.Dated(p => p.Visits, x => x.At);
            s.Segment("page-length").When(v.Max(x => x.Page.Length).Ever().AtLeast(1));
            s.Segment("visited").When(v.Any().InLast(7));
        });

        var result = engine.Evaluate(person, AsOf);

        result.Faults.Should().ContainSingle().Which.SegmentId.Should().Be("page-length");
        result.IsIn("visited").Should().BeTrue();
    }

    [Fact]
    public void Evaluate_NullCollection_FaultsAggregatesOverIt()
    {
        // Arrange
        var person = new Person { Facts = null, Visits = [new Visit(AsOf)] };
        var engine = Compile(s =>
        {
            var f = s.Dated(p => p.Facts, x => x.At, "orders");
            var v = s.Dated(p => p.Visits, x => x.At);
            s.Segment("buyer").When(f.Any().Ever());
            s.Segment("non-buyer").When(f.None().Ever());
            s.Segment("visitor").When(v.Any().InLast(1));
            s.Segment("lambda").When(p => p.Facts == null);
        });

        // Act
        var result = engine.Evaluate(person, AsOf);

        // Assert
        result.Faults.Select(f => f.SegmentId).Should().Equal("buyer", "non-buyer");
        result.Faults[0].Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("The collection 'orders' is null.");
        result.Segments.Should().Equal("visitor", "lambda");
    }

    [Fact]
    public void Evaluate_MemberFaultsBeforeMatch_FaultsGroupThatMemberAndLaterMembers()
    {
        // Arrange
        var engine = Compile(s =>
        {
            s.Group("journey")
                .Member("first", False(s))
                .Member("second", Throws(s))
                .Member("third", True(s))
                .Otherwise("rest");
            s.Segment("in-journey").When(s.InSegment("journey"));
        });

        // Act
        var result = engine.Evaluate(Faulty, AsOf);

        // Assert
        result.StateOf("first").Should().Be(SegmentState.Out);
        result.StateOf("second").Should().Be(SegmentState.Faulted);
        result.StateOf("third").Should().Be(SegmentState.Faulted);
        result.StateOf("rest").Should().Be(SegmentState.Faulted);
        result.StateOf("journey").Should().Be(SegmentState.Faulted);
        result.StateOf("in-journey").Should().Be(SegmentState.Faulted);
        result.MemberOf("journey").Should().BeNull();
        result.Faults.Select(f => f.SegmentId).Should().BeEquivalentTo("in-journey", "journey", "second", "third", "rest");
    }

    [Fact]
    public void Evaluate_MemberFaultsAfterMatch_GroupIsDecided()
    {
        var engine = Compile(s => s.Group("journey").Member("first", True(s)).Member("second", Throws(s)).Otherwise("rest"));

        var result = engine.Evaluate(Faulty, AsOf);

        result.HasFaults.Should().BeFalse();
        result.MemberOf("journey").Should().Be("first");
        result.StateOf("second").Should().Be(SegmentState.Out);
    }

    [Fact]
    public void Evaluate_FaultedScoreTerm_FaultsScoreAndItsReaders()
    {
        // Arrange
        var engine = Compile(s =>
        {
            s.Score("engagement").Add(10, True(s)).Add(5, Throws(s)).Tiers(("low", 0), ("high", 10));
            s.Score("clean").Add(3, True(s)).Add(4, False(s));
            s.Segment("engaged").When(s.ScoreOf("engagement").AtLeast(10));
            s.Segment("unaffected").When(s.ScoreOf("engagement").AtLeast(10) & False(s));
        });

        // Act
        var result = engine.Evaluate(Faulty, AsOf);

        // Assert
        result.Score("engagement").Should().BeNull();
        result.Tier("engagement").Should().BeNull();
        result.IsFaulted("engagement").Should().BeTrue();
        result.Score("clean").Should().Be(3m);
        result.IsFaulted("clean").Should().BeFalse();
        result.StateOf("engaged").Should().Be(SegmentState.Faulted);
        result.StateOf("unaffected").Should().Be(SegmentState.Out);
        result.Faults.Select(f => (f.SegmentId, f.CauseId)).Should().Equal(("engaged", "engagement"), ("engagement", null));
        result.Faults.Should().OnlyContain(f => f.Condition == "p.City.Length > 100");
    }

    [Fact]
    public void Evaluate_BufferApiWithFault_ReturnsFalseAndMarksFaulted()
    {
        // Arrange
        var engine = Compile(s =>
        {
            s.Segment("boom").When(Throws(s));
            s.Segment("fine").When(True(s));
            s.Score("sc").Add(2, Throws(s));
        });
        var memberships = new SegmentState[engine.MembershipIds.Count];
        var scores = new decimal[engine.ScoreIds.Count];

        // Act
        var ok = engine.Evaluate(Faulty, AsOf, memberships, scores);
        var okAfter = engine.Evaluate(new Person { Nps = 9 }, AsOf, memberships, scores);

        // Assert
        ok.Should().BeFalse();
        okAfter.Should().BeTrue();
        memberships.Should().Equal(SegmentState.Out, SegmentState.In);
    }

    [Fact]
    public void Evaluate_BufferApiWithFault_WritesFaultedStateAndZeroScore()
    {
        var engine = Compile(s =>
        {
            s.Segment("boom").When(Throws(s));
            s.Segment("fine").When(True(s));
            s.Score("sc").Add(2, Throws(s));
        });
        var memberships = new SegmentState[2];
        var scores = new decimal[] { 99m };

        engine.Evaluate(Faulty, AsOf, memberships, scores);

        memberships.Should().Equal(SegmentState.Faulted, SegmentState.In);
        scores.Should().Equal(0m);
    }

    [Fact]
    public void Evaluate_AfterFaultedProfile_NextProfileHasNoFaults()
    {
        var engine = Compile(s => s.Segment("boom").When(Throws(s)));

        engine.Evaluate(Faulty, AsOf).HasFaults.Should().BeTrue();
        var next = engine.Evaluate(new Person { City = "Oslo" }, AsOf);

        next.HasFaults.Should().BeFalse();
        next.StateOf("boom").Should().Be(SegmentState.Out);
    }

    [Fact]
    public void Evaluate_NullProfile_Throws()
    {
        var engine = Compile(s => s.Segment("fine").When(True(s)));

        engine.Invoking(e => e.Evaluate(null!, AsOf)).Should().Throw<ArgumentNullException>().WithParameterName("profile");
        engine.Invoking(e => e.Evaluate(null!)).Should().Throw<ArgumentNullException>();
        engine.Invoking(e => e.Evaluate(null!, AsOf, new SegmentState[1])).Should().Throw<ArgumentNullException>();
        engine.Invoking(e => e.Explain(null!, "fine", AsOf)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Evaluate_ThrowingProfileValueAndTextSelector_Fault()
    {
        var engine = Compile(s =>
        {
            s.Segment("value").When(s.Value(p => p.City!.Length).AtLeast(1));
            s.Segment("text").When(s.Text(p => p.City!.ToUpperInvariant()).In("OSLO"));
        });

        var result = engine.Evaluate(Faulty, AsOf);

        result.Faults.Select(f => f.SegmentId).Should().Equal("value", "text");
        result.Faults.Should().OnlyContain(f => f.Exception is NullReferenceException);
    }
}
