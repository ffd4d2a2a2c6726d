using System.Linq.Expressions;
using System.Reflection;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Telemetry;

namespace Segmentation.Core.Tests.PublicApi;

/// <summary>Plumbing stays out of the public surface; the definition model stays readable.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Type[] Exported = typeof(SegmentEngine).Assembly.GetExportedTypes();

    [Theory]
    [InlineData("Segmentation.Core.Model.ExpressionText")]
    [InlineData("Segmentation.Core.Model.IDatedCollectionVisitor`1")]
    [InlineData("Segmentation.Core.Model.DependencyGraph")]
    [InlineData("Segmentation.Core.Model.ConditionReferences")]
    [InlineData("Segmentation.Core.Dsl.CatalogBuilder`1")]
    public void PlumbingType_IsNotExported(string name) =>
        Exported.Select(t => t.FullName).Should().NotContain(name);

    [Fact]
    public void NoPublicConstructor_TakesARawLambdaExpression()
    {
        var offenders = Exported.SelectMany(t => t.GetConstructors())
            .Where(c => c.GetParameters().Any(p => p.ParameterType == typeof(LambdaExpression)))
            .Select(c => c.DeclaringType!.Name);

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void Telemetry_ExposesNamesNotDisposableInstances()
    {
        typeof(SegmentationTelemetry).GetProperties(BindingFlags.Public | BindingFlags.Static).Should().BeEmpty();
        typeof(DatedCollectionDefinition).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).Should().NotContain("Accept");
    }

    [Fact]
    public void DefinitionModel_StaysReadable()
    {
        typeof(PredicateCondition).GetProperty(nameof(PredicateCondition.Predicate))!.GetMethod!.IsPublic.Should().BeTrue();
        typeof(AggregateSource).GetProperty(nameof(AggregateSource.Selector))!.GetMethod!.IsPublic.Should().BeTrue();
        Exported.Should().Contain([typeof(CatalogDefinition<>), typeof(SegmentDefinition), typeof(Core.Rules.RuleSet<>), typeof(Core.Rules.Rule)]);
    }
}
