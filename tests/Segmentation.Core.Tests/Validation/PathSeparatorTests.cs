using FluentValidation;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Validation;

namespace Segmentation.Core.Tests.Validation;

/// <summary>
/// FluentValidation's global path separator, which an application may change for its own validators: the parts below a
/// definition are joined with it, as FluentValidation joins the definition's own path. Alone, because the setting is
/// process-wide.
/// </summary>
[Collection(nameof(PathSeparatorCollection))]
public sealed class PathSeparatorTests
{
    [Fact]
    public void Validate_ApplicationSeparator_JoinsEveryPartBelowTheDefinition()
    {
        // Arrange
        var inverted = new ComparisonCondition(new ScoreSource("points"), new Comparison(ComparisonOperator.Between, 5, 1));
        var catalog = new CatalogDefinition<Person>(
            [new SegmentDefinition("vip", "Vip", [new AllCondition([new ReferenceCondition("vip", negated: true), new NotCondition(inverted)])])],
            [],
            [new ScoreDefinition("points", "Points", [new ScoreTermDefinition(1, new AnyCondition([]))], [])]);
        var before = ValidatorOptions.Global.PropertyChainSeparator;
        IReadOnlyList<CatalogError> errors;

        // Act
        try
        {
            ValidatorOptions.Global.PropertyChainSeparator = "/";
            errors = CatalogValidator.Validate(catalog);
        }
        finally
        {
            ValidatorOptions.Global.PropertyChainSeparator = before;
        }

        // Assert
        errors.Should().Equal(
            new CatalogError("segments[vip]/conditions[0]/conditions[1]/condition/threshold", "the range is inverted: 5 > 1"),
            new CatalogError("scores[points]/terms[0]/condition", "'any of' needs at least one condition"),
            new CatalogError("segments[vip]", "reference cycle: vip -> vip"));
    }
}

[CollectionDefinition(nameof(PathSeparatorCollection), DisableParallelization = true)]
public sealed class PathSeparatorCollection;
