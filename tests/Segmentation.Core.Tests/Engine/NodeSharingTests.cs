using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class NodeSharingTests
{
    [Fact]
    public void Compile_IdenticalAggregateConditions_ShareOneNode()
    {
        // Arrange / Act: naive compilation would create one node per segment.
        var engine = Compile(s =>
        {
            var orders = s.Dated(p => p.Facts, o => o.At);
            s.Segment("a").When(orders.Count().InLast(90).AtLeast(1));
            s.Segment("b").When(orders.Count().InLast(90).AtLeast(1));
            s.Segment("c").When(s.Dated(p => p.Facts, o => o.At).Count().InLast(90).AtLeast(1));
        });

        // Assert
        engine.ConditionNodeCount.Should().Be(1);
        engine.AccumulatorCount.Should().Be(1);
        engine.CollectionCount.Should().Be(1);
    }

    [Fact]
    public void Compile_SameAggregateDifferentThresholds_ShareAccumulator()
    {
        var engine = Compile(s =>
        {
            var orders = s.Dated(p => p.Facts, o => o.At);
            s.Segment("a").When(orders.Count().InLast(90).AtLeast(1));
            s.Segment("b").When(orders.Count().InLast(90).AtLeast(5));
            s.Segment("c").When(orders.Sum(o => o.Amount).InLast(90).AtLeast(5));
            s.Segment("d").When(orders.Count(o => o.Kind == "a").InLast(90).AtLeast(5));
        });

        engine.ConditionNodeCount.Should().Be(4);
        engine.AccumulatorCount.Should().Be(3);
        engine.CollectionCount.Should().Be(1);
    }

    [Fact]
    public void Compile_CommutedConjunction_SharesNode()
    {
        var engine = Compile(s =>
        {
            var orders = s.Dated(p => p.Facts, o => o.At);
            var a = orders.Any().InLast(30);
            var b = s.Where(p => p.Nps > 8);
            s.Segment("ab").When(a & b);
            s.Segment("ba").When(b & a);
            s.Segment("a-then-b").When(orders.Any().InLast(30)).And(p => p.Nps > 8);
        });

        engine.ConditionNodeCount.Should().Be(3);
    }

    [Fact]
    public void Compile_ClosuresWithSameCapturedValue_ShareNode()
    {
        var engine = Compile(s =>
        {
            foreach (var (id, threshold) in new[] { ("x", 5), ("y", 5), ("z", 7) })
            {
                var captured = threshold;
                s.Segment(id).When(p => p.Nps > captured);
            }
        });

        engine.ConditionNodeCount.Should().Be(2);
        engine.Evaluate(new Person { Nps = 6 }, AsOf).Segments.Should().Equal("x", "y");
    }

    [Fact]
    public void Compile_ClosuresWithDifferentCapturedValues_DoNotShare()
    {
        var engine = Compile(s =>
        {
            foreach (var (id, kind) in new[] { ("a", "a"), ("b", "b") })
            {
                var captured = kind;
                s.Segment(id).When(s.Dated(p => p.Facts, o => o.At).Any(o => o.Kind == captured).Ever());
            }
        });

        engine.ConditionNodeCount.Should().Be(2);
        engine.AccumulatorCount.Should().Be(2);
        engine.Evaluate(With(new Fact(DaysAgo(1), 1m, "b")), AsOf).Segments.Should().Equal("b");
    }

    [Fact]
    public void Compile_DifferentParameterNames_ShareNode()
    {
        var engine = Compile(s =>
        {
            s.Segment("a").When(p => p.Nps > 5);
            s.Segment("b").When(person => person.Nps > 5);
        });

        engine.ConditionNodeCount.Should().Be(1);
    }
}
