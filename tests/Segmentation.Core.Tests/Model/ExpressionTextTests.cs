using System.Linq.Expressions;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Model;

public sealed class ExpressionTextTests
{
    private static string BodyOf(Expression<Func<Person, bool>> lambda) => ExpressionText.BodyOf(lambda);

    [Fact]
    public void BodyOf_LiftedNullableComparison_RendersWithoutConversion()
    {
        var text = BodyOf(p => p.Nps < 5);

        text.Should().Be("p.Nps < 5");
    }

    [Fact]
    public void BodyOf_NullableComparedWithNullableCapturedValue_RendersCapturedName()
    {
        int? threshold = 9;

        var text = BodyOf(p => p.Nps >= threshold);

        text.Should().Be("p.Nps >= threshold");
    }

    [Fact]
    public void BodyOf_ConvertedOperandInArithmetic_RendersOperand()
    {
        var text = BodyOf(p => p.Facts!.Count * 2m > 3m);

        text.Should().Be("(p.Facts.Count * 2) > 3");
    }

    [Fact]
    public void Of_LambdaWithConversion_RendersParameterAndBody()
    {
        Expression<Func<Person, decimal?>> selector = p => p.Nps;

        ExpressionText.Of(selector).Should().Be("p => p.Nps");
    }
}
