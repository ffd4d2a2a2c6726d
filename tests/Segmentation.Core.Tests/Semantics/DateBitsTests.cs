using Segmentation.Core.Semantics;

namespace Segmentation.Core.Tests.Semantics;

/// <summary>
/// Generated loops read a <see cref="DateTime"/>'s ticks and kind from its bits: that must agree with
/// <see cref="DateTime.Ticks"/> and <see cref="DateTime.Kind"/> for every kind and across the whole range.
/// </summary>
public sealed class DateBitsTests
{
    [Fact]
    public void KindInTopBits_OnThisRuntime_IsTrue() => DateMath.KindInTopBits.Should().BeTrue("DateTime keeps its kind in the two top bits");

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void TryTicksWithoutConversionFromBits_RandomDatesOfOneKind_AgreesWithTicksAndKind(DateTimeKind kind)
    {
        var random = new Random((int)kind + 11);
        var values = Enumerable.Range(0, 10_000)
            .Select(_ => new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks + 1), kind))
            .Append(DateTime.SpecifyKind(DateTime.MinValue, kind))
            .Append(DateTime.SpecifyKind(DateTime.MaxValue, kind));
        foreach (var value in values)
        {
            DateMath.TryTicksWithoutConversionFromBits(value, out var ticks).Should().Be(kind != DateTimeKind.Local, $"{value:O} is of kind {kind}");
            ticks.Should().Be(value.Ticks);
        }
    }

    [Fact]
    public void TryTicksWithoutConversionFromBits_DateConvertedToLocalTime_IsRefused()
    {
        var local = new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc).ToLocalTime();

        DateMath.TryTicksWithoutConversionFromBits(local, out var ticks).Should().BeFalse("a local time needs converting");
        ticks.Should().Be(local.Ticks);
    }
}
