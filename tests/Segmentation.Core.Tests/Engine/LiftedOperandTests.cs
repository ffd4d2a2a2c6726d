using System.Linq.Expressions;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// A lifted operator evaluates both operands, as C# does, on every path: <see cref="LambdaExpression.Compile()"/> alone
/// skips the right operand of a lifted comparison or arithmetic that calls a method when the left operand is
/// <see langword="null"/>, and would miss the exception the right operand throws.
/// </summary>
public sealed class LiftedOperandTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTime Day = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Tiers() => [.. EngineTiers.All];

    private static SegmentEngine<Visitor> Compile(string tier) => SegmentEngine.Compile(
        SegmentCatalog.Create<Visitor>(
            s =>
            {
                s.IdentifiedBy(v => v.Id);
                var shipments = s.Dated(v => v.Shipments, o => o.At);
                s.Segment("seen").When(s.Where((v, asOf) => v.LastSeen > asOf.AddDays(-30)));
                s.Segment("credit").When(s.Value(v => v.Credit - (100m / v.Divisor)).AtLeast(0));
                s.Segment("shipped-late").When(shipments.Count(o => o.ShippedAt > o.Placed.AddDays(-30)).Ever().AtLeast(1));
                s.Segment("refunded").When(shipments.Sum(o => (o.Refund + (1m / o.Divisor)) ?? 0m).Ever().AtLeast(1));
                s.Segment("anchored").When(s.Date(v => v.Anchor + TimeSpan.FromDays(v.ShiftDays)).Years.AtLeast(1));
                s.Segment("plain").When(s.Where(v => v.Credit > 5m));
                s.Segment("nested").When(s.Where(v => v.Shipments.Any(o => o.Refund > 1m / o.Divisor)));
                var guarded = s.Dated(v => v.LastSeen > DateTimeOffset.MinValue.AddDays(v.ShiftDays) ? v.Shipments : new List<Shipment>(), o => o.At);
                s.Segment("guarded").When(guarded.Any().Ever());
            },
            "lifted"),
        EngineTiers.Options(tier));

    [Fact]
    public void Compile_LiftedComparisonWithNullLeft_SkipsTheRightOperandUnlessRewritten()
    {
        // Arrange: what .NET does with the user's lambda, and what the rewrite makes of it
        Expression<Func<DateTimeOffset?, DateTimeOffset, bool>> recent = (seen, asOf) => seen > asOf.AddDays(-30);
        var rewritten = LiftedOperands.EvaluateBoth(recent);

        // Act
        var compiled = recent.Compile(preferInterpretation: false);
        var interpreted = recent.Compile(preferInterpretation: true);

        // Assert: C# and the interpreter evaluate asOf.AddDays(-30), which throws; the bare compiled lambda does not
        compiled(null, DateTimeOffset.MinValue).Should().BeFalse();
        interpreted.Invoking(f => f(null, DateTimeOffset.MinValue)).Should().Throw<ArgumentOutOfRangeException>();
        rewritten.Compile(preferInterpretation: false).Invoking(f => f(null, DateTimeOffset.MinValue)).Should().Throw<ArgumentOutOfRangeException>();
        rewritten.Compile(preferInterpretation: true).Invoking(f => f(null, DateTimeOffset.MinValue)).Should().Throw<ArgumentOutOfRangeException>();
        rewritten.Compile()(AsOf, AsOf).Should().BeTrue();
        rewritten.Compile()(null, AsOf).Should().BeFalse();
    }

    [Fact]
    public void EvaluateBoth_OperatorsCompiledCodeEvaluatesInFull_LeavesTheLambdaUntouched()
    {
        // Non-nullable operands, a nullable one with a constant right operand, primitive lifted operators (no method:
        // compiled code evaluates both operands) and quoted lambdas stay as written.
        LambdaExpression[] untouched =
        [
            (Expression<Func<Visitor, bool>>)(v => v.Divisor > v.Divisor + 1m),
            (Expression<Func<Visitor, bool>>)(v => v.Credit > 5m),
            (Expression<Func<Visitor, decimal?>>)(v => v.Credit * 2m),
            (Expression<Func<Visitor, bool>>)(v => (int?)v.Shipments.Count > v.Shipments.Count + 1),
            (Expression<Func<Visitor, bool>>)(v => (v.Credit ?? v.Divisor) > 0m),
            (Expression<Func<Visitor, IQueryable<Shipment>>>)(v => v.Shipments.AsQueryable().Where(o => o.Refund > o.Divisor)),
        ];

        foreach (var lambda in untouched)
        {
            LiftedOperands.EvaluateBoth(lambda).Should().BeSameAs(lambda, lambda.ToString());
        }

        Expression<Func<Visitor, bool>> lifted = v => v.Credit > v.Divisor;
        Expression<Func<Visitor, bool>> nested = v => v.Shipments.Any(o => o.Refund > o.Divisor);
        LiftedOperands.EvaluateBoth(lifted).Body.Should().BeAssignableTo<BlockExpression>();
        LiftedOperands.EvaluateBoth(nested).Should().NotBeSameAs(nested);
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Evaluate_RightOperandThrowsWithNullLeft_FaultsAsInCSharp(string tier)
    {
        // Arrange: every lambda's left operand is null and its right operand throws
        var engine = Compile(tier);
        var visitor = new Visitor
        {
            Credit = null,
            Divisor = 0m,
            Anchor = null,
            ShiftDays = 1e300,
            Shipments = [new Shipment(Day, ShippedAt: null, Placed: DateTime.MinValue, Refund: null, Divisor: 0m)],
        };

        // Act
        var result = engine.Evaluate(visitor, DateTimeOffset.MinValue);
        var later = engine.Evaluate(visitor, AsOf);

        // Assert: each state is read on its own, so that one wrong path does not hide another
        string[] throwing = ["credit", "shipped-late", "refunded", "anchored", "guarded", "nested"];
        var states = throwing.ToDictionary(id => id, later.StateOf);
        states["seen at MinValue"] = result.StateOf("seen");
        states["seen"] = later.StateOf("seen");
        states["plain"] = later.StateOf("plain");
        states.Should().Equal(
            new Dictionary<string, SegmentState>
            {
                ["credit"] = SegmentState.Faulted,
                ["shipped-late"] = SegmentState.Faulted,
                ["refunded"] = SegmentState.Faulted,
                ["anchored"] = SegmentState.Faulted,
                ["guarded"] = SegmentState.Faulted,
                ["nested"] = SegmentState.Faulted,
                ["seen at MinValue"] = SegmentState.Faulted,
                ["seen"] = SegmentState.Out, // as of a later instant asOf.AddDays(-30) exists
                ["plain"] = SegmentState.Out,
            },
            tier);
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Evaluate_LeftOperandsWithValues_DecideOnEveryTier(string tier)
    {
        var engine = Compile(tier);
        var visitor = new Visitor
        {
            LastSeen = AsOf.AddDays(-3),
            Credit = 150m,
            Divisor = 1m,
            Anchor = Day.AddYears(-2),
            ShiftDays = 1,
            Shipments = [new Shipment(Day, ShippedAt: Day, Placed: Day, Refund: 2m)],
        };
        var absent = new Visitor { Shipments = [new Shipment(Day, ShippedAt: null, Placed: Day)] };

        var result = engine.Evaluate(visitor, AsOf);
        var none = engine.Evaluate(absent, AsOf);

        result.HasFaults.Should().BeFalse(result.ToString());
        none.HasFaults.Should().BeFalse(none.ToString());
        foreach (var id in engine.MembershipIds)
        {
            result.StateOf(id).Should().Be(SegmentState.In, $"{id} on {tier}");
            none.StateOf(id).Should().Be(SegmentState.Out, $"{id} on {tier}");
        }
    }

    [Fact]
    public void CompileLeaf_RightOperandThrowsWithNullLeft_ThrowsAsInCSharp()
    {
        var seen = ConditionSemantics.CompileLeaf<Visitor>(
            new PredicateCondition((Expression<Func<Visitor, DateTimeOffset, bool>>)((v, asOf) => v.LastSeen > asOf.AddDays(-30))));
        var shipments = new DatedCollectionDefinition<Visitor, Shipment>("shipments", v => v.Shipments, o => o.At);
        var late = ConditionSemantics.CompileLeaf<Visitor>(new ComparisonCondition(
            new AggregateSource(shipments, AggregateKind.Count, TimeWindow.Ever, null, (Expression<Func<Shipment, bool>>)(o => o.ShippedAt > o.Placed.AddDays(-30))),
            new Comparison(ComparisonOperator.AtLeast, 1m)));
        var visitor = new Visitor { Shipments = [new Shipment(Day, ShippedAt: null, Placed: DateTime.MinValue)] };

        seen.Invoking(f => f(visitor, DateTimeOffset.MinValue)).Should().Throw<ArgumentOutOfRangeException>();
        seen(visitor, AsOf).Should().BeFalse();
        late.Invoking(f => f(visitor, AsOf)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ValidUntil_FilterWhoseRightOperandThrowsWithNullLeft_ChangesWhenTheFactFaultsTheAggregate()
    {
        // Arrange: the shipment's filter throws once the shipment is visible, so valid-until's reading of the facts
        // must see the throw too (and keep the fact's instant a candidate), not a filter that skipped it.
        var engine = Compile(EngineTiers.Generated);
        var visitor = new Visitor { Shipments = [new Shipment(Day, ShippedAt: null, Placed: DateTime.MinValue)] };
        var asOf = new DateTimeOffset(Day.AddDays(-10));

        // Act
        var validity = engine.ValidUntil(visitor, "shipped-late", asOf);

        // Assert
        engine.Evaluate(visitor, asOf).StateOf("shipped-late").Should().Be(SegmentState.Out);
        engine.Evaluate(visitor, new DateTimeOffset(Day)).StateOf("shipped-late").Should().Be(SegmentState.Faulted);
        validity.Kind.Should().Be(ValidityKind.Changes, validity.ToString());
        validity.ValidUntil.Should().Be(new DateTimeOffset(Day));
    }

    [Fact]
    public void Explain_RewrittenPredicate_ShowsTheLambdaAsWritten()
    {
        var engine = Compile(EngineTiers.Generated);

        var explanation = engine.Explain(new Visitor { LastSeen = AsOf }, "seen", AsOf).ToString();

        explanation.Should().Contain("v.LastSeen > asOf.AddDays(-30)");
        explanation.Should().NotContain("left");
    }
}
