using System.Linq.Expressions;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class ConditionSemanticsTests
{
    private static readonly DatedCollectionDefinition<Person, Fact> Facts = new("facts", p => p.Facts, f => f.At);

    private static ComparisonCondition Aggregate(AggregateKind kind, TimeWindow window, Comparison comparison) =>
        new(new AggregateSource(Facts, kind, window, (Expression<Func<Fact, decimal>>)(f => f.Amount)), comparison);

    [Fact]
    public void CompileLeaf_WindowEdges_OldestExclusiveNewestInclusiveFutureInvisible()
    {
        // Arrange: in last 30 days, so asOf - 30d < t <= asOf.
        var count = ConditionSemantics.CompileLeaf<Person>(
            Aggregate(AggregateKind.Count, TimeWindow.Last(TimeSpan.FromDays(30)), new Comparison(ComparisonOperator.AtLeast, 1m)));

        // Act / Assert
        count(With(new Fact(DaysAgo(30))), AsOf).Should().BeFalse();
        count(With(new Fact(DaysAgo(30).AddTicks(1))), AsOf).Should().BeTrue();
        count(With(new Fact(AsOfUtc)), AsOf).Should().BeTrue();
        count(With(new Fact(AsOfUtc.AddTicks(1))), AsOf).Should().BeFalse();
    }

    [Fact]
    public void CompileLeaf_ManyLeavesCalledInTurn_ReuseTheirFramesAndAllocateNothing()
    {
        // Arrange: more leaves than a thread's frame cache holds, called in turn as a backend calls them per profile
        var leaves = Enumerable.Range(1, 40)
            .Select(days => ConditionSemantics.CompileLeaf<Person>(
                Aggregate(AggregateKind.Count, TimeWindow.Last(TimeSpan.FromDays(days)), new Comparison(ComparisonOperator.AtLeast, 1m))))
            .ToArray();
        var people = Enumerable.Range(0, 30).Select(i => With(new Fact(DaysAgo(i + 0.5)))).ToArray();
        var matches = 0;
        void CallEveryLeaf(Person p)
        {
            foreach (var leaf in leaves)
            {
                matches += leaf(p, AsOf) ? 1 : 0;
            }
        }

        // Act
        var allocated = EngineTiers.AllocatedPerPass(people, CallEveryLeaf);
        matches = 0;
        Array.ForEach(people, CallEveryLeaf);

        // Assert: leaf d matches the person whose fact is i + 0.5 days old when i + 0.5 < d
        allocated.Should().Be(0);
        matches.Should().Be(people.Sum(p => leaves.Length - (int)Math.Ceiling((AsOfUtc - p.Facts![0].At).TotalDays) + 1));
    }

    [Fact]
    public async Task CompileLeaf_CalledOnManyThreadsAndReentrantly_AnswersEveryCallAlone()
    {
        // Arrange: a predicate that, for 5 or more, calls the same leaf from inside itself on 5 less (which is false)
        Func<Person, DateTimeOffset, bool>? self = null;
        var leaf = ConditionSemantics.CompileLeaf<Person>(new PredicateCondition(
            (Expression<Func<Person, bool>>)(p => p.Nps >= 5 && !self!(new Person { Nps = p.Nps - 5 }, AsOf))));
        self = leaf;

        // Act: four threads, each call nesting one call on another profile
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
            Enumerable.Range(0, 2_000).All(i => leaf(new Person { Nps = i % 10 }, AsOf) == (i % 10 >= 5)))));

        // Assert
        results.Should().AllSatisfy(r => r.Should().BeTrue());
    }

    [Fact]
    public void CompileLeaf_NoFacts_AverageHasNoValueAndNeverMatches()
    {
        var average = ConditionSemantics.CompileLeaf<Person>(
            Aggregate(AggregateKind.Average, TimeWindow.Ever, new Comparison(ComparisonOperator.NotEqualTo, 5m)));

        average(With(), AsOf).Should().BeFalse();
        average(With(new Fact(DaysAgo(1), 4m)), AsOf).Should().BeTrue();
    }

    [Fact]
    public void CompileLeaf_NullCollection_ThrowsWhatTheEngineFaultsWith()
    {
        var sum = ConditionSemantics.CompileLeaf<Person>(
            Aggregate(AggregateKind.Sum, TimeWindow.Ever, new Comparison(ComparisonOperator.AtLeast, 0m)));

        var act = () => sum(new Person { Facts = null }, AsOf);

        act.Should().Throw<InvalidOperationException>().WithMessage("*'facts' is null*");
    }

    [Fact]
    public void CompileLeaf_ThrowingPredicate_ThrowsTheLambdasException()
    {
        Expression<Func<Person, bool>> predicate = p => p.City!.Length > 2;
        var leaf = ConditionSemantics.CompileLeaf<Person>(new PredicateCondition(predicate));

        leaf(new Person { City = "Oslo" }, AsOf).Should().BeTrue();
        var act = () => leaf(new Person { City = null }, AsOf);
        act.Should().Throw<NullReferenceException>();
    }

    [Fact]
    public void CompileLeaf_TextSetAndProfileValue_MatchAsTheEngine()
    {
        Expression<Func<Person, string?>> city = p => p.City;
        Expression<Func<Person, decimal?>> nps = p => p.Nps;
        var text = ConditionSemantics.CompileLeaf<Person>(new TextSetCondition(city, ["oslo"], ignoreCase: true));
        var value = ConditionSemantics.CompileLeaf<Person>(new ComparisonCondition(new ProfileValueSource(nps), new Comparison(ComparisonOperator.AtLeast, 9m)));

        text(new Person { City = "OSLO" }, AsOf).Should().BeTrue();
        text(new Person { City = null }, AsOf).Should().BeFalse();
        value(new Person { Nps = 9 }, AsOf).Should().BeTrue();
        value(new Person { Nps = null }, AsOf).Should().BeFalse();
    }

    [Fact]
    public void CompileLeaf_NotALeaf_ThrowsArgumentException()
    {
        Expression<Func<Person, bool>> predicate = p => p.Nps > 1;
        var leaf = new PredicateCondition(predicate);
        ConditionDefinition[] composites =
        [
            new ReferenceCondition("other"),
            new AllCondition([leaf, leaf]),
            new AnyCondition([leaf]),
            new NotCondition(leaf),
            new ComparisonCondition(new ScoreSource("score"), new Comparison(ComparisonOperator.AtLeast, 1m)),
        ];

        foreach (var condition in composites)
        {
            ConditionSemantics.IsLeaf(condition).Should().BeFalse();
            var act = () => ConditionSemantics.CompileLeaf<Person>(condition);
            act.Should().Throw<ArgumentException>().WithParameterName("condition");
        }

        ConditionSemantics.IsLeaf(leaf).Should().BeTrue();
    }
}
