using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Model;

public sealed class ConditionReferencesTests
{
    [Fact]
    public void Of_NestedConditions_ListsEachIdOnceInTheOrderFirstRead()
    {
        // Arrange
        ConditionDefinition[] conditions =
        [
            new AllCondition([new ReferenceCondition("b"), new NotCondition(new AnyCondition([new ReferenceCondition("a", negated: true), new ReferenceCondition("b")]))]),
            new ComparisonCondition(new ScoreSource("points"), new Comparison(ComparisonOperator.AtLeast, 1)),
            new ReferenceCondition("a"),
            new ReferenceCondition("c"),
        ];

        // Act
        var ids = ConditionReferences.Of(conditions);

        // Assert
        ids.Should().Equal("b", "a", "points", "c");
    }

    [Fact]
    public void Of_ConditionsWithoutReferences_IsEmpty()
    {
        ConditionReferences.Of([new AllCondition([new AnyCondition([]), new NotCondition(new AllCondition([]))])]).Should().BeEmpty();
        ConditionReferences.Of(new NotCondition(new ReferenceCondition("only"))).Should().Equal("only");
    }

    [Fact]
    public void Of_ANullCondition_Throws()
    {
        var act = () => ConditionReferences.Of([new ReferenceCondition("a"), null!]);

        act.Should().Throw<ArgumentNullException>();
    }
}
