using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class MedianTests
{
    public static TheoryData<bool> Modes => new() { false, true };

    private static SegmentEngine<Person> Engine(bool interpret, decimal atLeast) => Compile(
        s =>
        {
            var facts = s.Dated(p => p.Facts, f => f.At);
            s.Segment("typical").When(facts.Median(f => f.Amount).InLast(30).AtLeast(atLeast));
            s.Segment("has-median").When(HasValue(facts.Median(f => f.Amount).InLast(30)));
            s.Segment("books").When(facts.Median(f => f.Amount, f => f.Kind == "books").Ever().EqualTo(atLeast));
        },
        new SegmentEngineOptions { PreferInterpretation = interpret });

    [Theory]
    [MemberData(nameof(Modes))]
    public void Median_OddCount_IsTheMiddleValue(bool interpret)
    {
        var person = With(new Fact(DaysAgo(1), 100m), new Fact(DaysAgo(2), 1m), new Fact(DaysAgo(3), 7m));

        Engine(interpret, 7m).Evaluate(person, AsOf).IsIn("typical").Should().BeTrue();
        Engine(interpret, 7.01m).Evaluate(person, AsOf).IsIn("typical").Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Median_EvenCount_IsTheMeanOfTheTwoMiddleValues(bool interpret)
    {
        var person = With(new Fact(DaysAgo(1), 1m), new Fact(DaysAgo(2), 10m), new Fact(DaysAgo(3), 4m), new Fact(DaysAgo(4), 1000m));

        Engine(interpret, 7m).Evaluate(person, AsOf).IsIn("typical").Should().BeTrue();
        Engine(interpret, 7.5m).Evaluate(person, AsOf).IsIn("typical").Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Median_OnlyFactsInWindowAndFilter_NoValueWithoutFacts(bool interpret)
    {
        // The 30-day window excludes the old fact; the future fact is invisible; the filter keeps the books only.
        var person = With(new Fact(DaysAgo(40), 1m, "books"), new Fact(DaysAgo(1), 50m, "books"), new Fact(AsOfUtc.AddDays(1), 1m), new Fact(DaysAgo(2), 3m, "games"));
        var empty = With(new Fact(DaysAgo(40), 1m));

        var result = Engine(interpret, 25.5m).Evaluate(person, AsOf);

        result.IsIn("typical").Should().BeTrue();
        result.IsIn("books").Should().BeTrue();
        Engine(interpret, 0m).Evaluate(empty, AsOf).IsIn("has-median").Should().BeFalse();
    }
}
