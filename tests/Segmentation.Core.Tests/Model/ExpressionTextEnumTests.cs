using System.Linq.Expressions;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Model;

public sealed class ExpressionTextEnumTests
{
    [Fact]
    public void Of_EnumComparisonWithAsOf_RendersWithoutConversions()
    {
        Expression<Func<Person, DateTimeOffset, bool>> weekend = (p, asOf) => asOf.DayOfWeek == DayOfWeek.Saturday;

        ExpressionText.Of(weekend).Should().Be("(p, asOf) => asOf.DayOfWeek == 6");
    }

    [Fact]
    public void Compile_EnumComparisonPredicate_EvaluatesWithAsOf()
    {
        var engine = SegmentEngine.Compile(SegmentCatalog.Create<Person>(s =>
            s.Segment("saturday").When(s.Where((p, asOf) => asOf.DayOfWeek == DayOfWeek.Saturday))));
        var saturday = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        engine.Evaluate(new Person(), saturday).IsIn("saturday").Should().BeTrue();
        engine.Evaluate(new Person(), saturday.AddDays(1)).IsIn("saturday").Should().BeFalse();
    }
}
