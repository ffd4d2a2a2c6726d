using Microsoft.Extensions.Time.Testing;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using static Segmentation.Core.Tests.Support.Scenario;

namespace Segmentation.Core.Tests.Engine;

public sealed class TimeProviderTests
{
    [Fact]
    public void Evaluate_WithoutAsOf_UsesOptionsTimeProvider()
    {
        // Arrange
        var clock = new FakeTimeProvider(AsOf);
        var engine = Compile(s => s.Segment("recent").When(s.Dated(p => p.Facts, f => f.At).Any().InLast(7)), new SegmentEngineOptions { TimeProvider = clock });
        var person = With(new Fact(DaysAgo(6)));

        // Act
        var now = engine.Evaluate(person);
        clock.Advance(TimeSpan.FromDays(1));
        var later = engine.Evaluate(person);

        // Assert
        now.AsOf.Should().Be(AsOf);
        now.IsIn("recent").Should().BeTrue();
        later.AsOf.Should().Be(AsOf.AddDays(1));
        later.IsIn("recent").Should().BeFalse();
    }

    [Fact]
    public void Explain_WithoutAsOf_UsesOptionsTimeProvider()
    {
        var clock = new FakeTimeProvider(AsOf.AddDays(10));
        var engine = Compile(s => s.Segment("recent").When(s.Dated(p => p.Facts, f => f.At).Any().InLast(7)), new SegmentEngineOptions { TimeProvider = clock });

        var explanation = engine.Explain(With(new Fact(DaysAgo(1))), "recent");

        explanation.ToString().Should().Be("recent: no" + Environment.NewLine + "  count(facts) in last 7 days = 0, needs >= 1: no");
    }

    [Fact]
    public void SegmentEngineOptions_Defaults_AreSystemClockAndCompiled()
    {
        var options = new SegmentEngineOptions();

        options.TimeProvider.Should().BeSameAs(TimeProvider.System);
        options.PreferInterpretation.Should().BeFalse();
    }
}
