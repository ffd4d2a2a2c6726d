using Segmentation.Core.Semantics;

namespace Segmentation.Core.Tests.Semantics;

/// <summary>
/// The call-free running sum of generated loops must give, bit for bit (scale included), the decimal that
/// <see cref="decimal"/> addition gives, and refuse exactly what it cannot add (the loop then leaves for its general form).
/// </summary>
public sealed class DecimalSumTests
{
    [Fact]
    public void Available_OnThisRuntime_IsTrue() => DecimalSum.Available.Should().BeTrue("decimal's fields read as GetBits reports them");

    [Fact]
    public void TryAdd_RandomNonNegativeValuesOfMixedScales_MatchesDecimalAdditionBitForBit()
    {
        var random = new Random(3);
        for (var run = 0; run < 20_000; run++)
        {
            ulong coefficient = 0;
            var scale = 0;
            var expected = 0m;
            for (var i = random.Next(1, 12); i > 0; i--)
            {
                var value = RandomValue(random);
                var before = (coefficient, scale);
                if (!DecimalSum.TryAdd(ref coefficient, ref scale, value))
                {
                    (coefficient, scale).Should().Be(before, "a refused value leaves the sum as it was");
                    Refusable(expected, value).Should().BeTrue($"{expected} + {value} fits in 64 bits, so it should have been added");
                    break;
                }

                expected += value;
                decimal.GetBits(DecimalSum.ToDecimal(coefficient, scale)).Should().Equal(decimal.GetBits(expected), $"the sum after adding {value}");
            }
        }
    }

    [Theory]
    [InlineData("-1.5")]
    [InlineData("-0.00")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("18446744073709551616")]
    public void TryAdd_NegativeOrWiderThan64Bits_IsRefused(string text)
    {
        ulong coefficient = 125;
        var scale = 2;

        DecimalSum.TryAdd(ref coefficient, ref scale, decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)).Should().BeFalse();
        (coefficient, scale).Should().Be((125UL, 2));
    }

    [Fact]
    public void TryAdd_SumOrRescaleBeyond64Bits_IsRefused()
    {
        ulong coefficient = ulong.MaxValue - 1;
        var scale = 0;
        DecimalSum.TryAdd(ref coefficient, ref scale, 2m).Should().BeFalse("the coefficients' sum overflows");
        DecimalSum.TryAdd(ref coefficient, ref scale, 1m).Should().BeTrue();
        coefficient.Should().Be(ulong.MaxValue);

        coefficient = ulong.MaxValue / 10 + 1;
        DecimalSum.TryAdd(ref coefficient, ref scale, 0.1m).Should().BeFalse("the sum cannot be scaled up to one decimal");
        DecimalSum.TryAdd(ref coefficient, ref scale, new decimal(1, 0, 0, false, 20)).Should().BeFalse("no power of ten that large fits");
    }

    [Fact]
    public void ToDecimal_NothingAdded_IsTheEmptySum() =>
        decimal.GetBits(DecimalSum.ToDecimal(0, 0)).Should().Equal(decimal.GetBits(Accumulator.Empty.Sum));

    private static decimal RandomValue(Random random)
    {
        var scale = (byte)random.Next(0, 8) switch
        {
            0 => 0,
            1 => random.Next(0, 29),
            _ => random.Next(0, 4),
        };
        var magnitude = random.Next(4) switch
        {
            0 => (ulong)random.Next(0, 100),
            1 => (ulong)random.NextInt64(0, 1_000_000_000),
            2 => (ulong)random.NextInt64(0, long.MaxValue) * 2,
            _ => ulong.MaxValue - (ulong)random.Next(0, 3),
        };
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, false, (byte)scale);
    }

    /// <summary>Whether adding needs more than a 64-bit coefficient: the operand of smaller scale or the sum overflows.</summary>
    private static bool Refusable(decimal sum, decimal value)
    {
        var scale = Math.Max(sum.Scale, value.Scale);
        var aligned = new[] { sum, value }.Select(d => (System.Numerics.BigInteger)Coefficient(d) * System.Numerics.BigInteger.Pow(10, scale - d.Scale)).ToArray();
        var limit = (System.Numerics.BigInteger)ulong.MaxValue;
        return aligned[0] > limit || aligned[1] > limit || aligned[0] + aligned[1] > limit || Math.Abs(sum.Scale - value.Scale) >= 20;
    }

    private static System.Numerics.BigInteger Coefficient(decimal value)
    {
        var bits = decimal.GetBits(value);
        return ((System.Numerics.BigInteger)(uint)bits[2] << 64) | ((System.Numerics.BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
    }
}
