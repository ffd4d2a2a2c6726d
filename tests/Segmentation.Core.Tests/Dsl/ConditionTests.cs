using Segmentation.Core.Dsl;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Dsl;

public sealed class ConditionTests
{
    private static readonly CatalogBuilder<Person> S = new();

    private static readonly Condition<Person> A = S.Where(p => p.Nps > 1);
    private static readonly Condition<Person> B = S.Where(p => p.Nps > 2);
    private static readonly Condition<Person> C = S.Where(p => p.Nps > 3);

    [Fact]
    public void AllOfAndAnyOf_NullInTheList_ThrowArgumentNullExceptionNamingItsPosition()
    {
        FluentActions.Invoking(() => S.AllOf(A, null!)).Should().Throw<ArgumentNullException>().WithMessage("Condition 1 of the list is null.*").Which.ParamName.Should().Be("conditions");
        FluentActions.Invoking(() => S.AnyOf(null!, B)).Should().Throw<ArgumentNullException>().WithMessage("Condition 0 of the list is null.*");
        FluentActions.Invoking(() => S.AllOf(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("conditions");
    }

    [Fact]
    public void And_Chained_FlattensIntoOneConjunction()
    {
        var condition = A & B & C;

        condition.Definition.Should().BeOfType<AllCondition>().Which.Conditions.Should().Equal(A.Definition, B.Definition, C.Definition);
        condition.ToString().Should().Be("(p.Nps > 1 and p.Nps > 2 and p.Nps > 3)");
    }

    [Fact]
    public void Or_Chained_FlattensIntoOneDisjunction()
    {
        var condition = A | (B | C);

        condition.Definition.Should().BeOfType<AnyCondition>().Which.Conditions.Should().HaveCount(3);
        condition.ToString().Should().Be("(p.Nps > 1 or p.Nps > 2 or p.Nps > 3)");
    }

    [Fact]
    public void Not_Twice_CancelsOut()
    {
        var condition = !!A;

        condition.Definition.Should().BeSameAs(A.Definition);
        (!A).ToString().Should().Be("not p.Nps > 1");
    }

    [Fact]
    public void MixedOperators_KeepPrecedence()
    {
        var condition = A & (B | C);

        condition.ToString().Should().Be("(p.Nps > 1 and (p.Nps > 2 or p.Nps > 3))");
    }

    [Fact]
    public void Aggregates_DescribeWindowAndComparison()
    {
        var orders = S.Dated(p => p.Facts, f => f.At, "orders");

        orders.Sum(o => o.Amount).InLast(365).AtLeast(1000).ToString().Should().Be("sum(orders.Amount) in last 365 days >= 1000");
        orders.Count(o => o.Kind == "a").BetweenDaysAgo(30, 90).EqualTo(0).ToString().Should().Be("count(orders where o.Kind == \"a\") between 30 and 90 days ago = 0");
        orders.DaysSinceLast().OlderThan(7).LessThan(10).ToString().Should().Be("days since last(orders) at least 7 days ago < 10");
        S.Age(p => p.BirthDate).Between(18, 29).ToString().Should().Be("years since p.BirthDate between 18 and 29");
    }
}
