using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Segmentation.Core.Semantics;

/// <summary>
/// A running sum of non-negative decimals kept as a 64-bit coefficient and a scale, so that generated loops add without
/// calling <see cref="decimal"/>'s addition (whose call makes the JIT spill every count of the loop). Each step gives
/// bit for bit the decimal <see cref="Accumulator.AddSum(ref decimal, decimal)"/> would: the operand of smaller scale is
/// scaled up and the coefficients added. Anything else — a negative value, a coefficient beyond 64 bits, a rescale or
/// sum that would overflow them — is refused, and the loop leaves for its general form.
/// </summary>
internal static class DecimalSum
{
    /// <summary>Whether <see cref="decimal"/>'s fields are laid out as this type reads them (checked once, on real values).</summary>
    public static readonly bool Available = ReadsLikeGetBits(1.5m) && ReadsLikeGetBits(new decimal(1, 2, 3, true, 4)) && ReadsLikeGetBits(decimal.MaxValue);

    // Arrays, not spans over constant data: unoptimized code (a Debug build, the first calls before tiering) would
    // create a span's field handle, an allocation, on every call.
    private static readonly ulong[] PowersOfTen =
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    /// <summary>The greatest coefficient that 10^i scales up without overflowing 64 bits, for each <c>i</c> of <see cref="PowersOfTen"/>.</summary>
    private static readonly ulong[] ScalableUpTo =
    [
        ulong.MaxValue, ulong.MaxValue / 10UL, ulong.MaxValue / 100UL, ulong.MaxValue / 1_000UL, ulong.MaxValue / 10_000UL,
        ulong.MaxValue / 100_000UL, ulong.MaxValue / 1_000_000UL, ulong.MaxValue / 10_000_000UL, ulong.MaxValue / 100_000_000UL,
        ulong.MaxValue / 1_000_000_000UL, ulong.MaxValue / 10_000_000_000UL, ulong.MaxValue / 100_000_000_000UL,
        ulong.MaxValue / 1_000_000_000_000UL, ulong.MaxValue / 10_000_000_000_000UL, ulong.MaxValue / 100_000_000_000_000UL,
        ulong.MaxValue / 1_000_000_000_000_000UL, ulong.MaxValue / 10_000_000_000_000_000UL, ulong.MaxValue / 100_000_000_000_000_000UL,
        ulong.MaxValue / 1_000_000_000_000_000_000UL, ulong.MaxValue / 10_000_000_000_000_000_000UL,
    ];

    /// <summary>Adds <paramref name="value"/> to the sum <paramref name="coefficient"/> × 10^-<paramref name="scale"/>; false (sum unchanged) when it cannot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAdd(ref ulong coefficient, ref int scale, decimal value)
    {
        var bits = Unsafe.BitCast<decimal, Bits>(value);
        if (bits.Flags < 0 || bits.High != 0)
        {
            return false;
        }

        var valueScale = bits.Flags >> 16;
        var addend = bits.Low;
        var sum = coefficient;
        var sumScale = scale;
        if (valueScale != sumScale)
        {
            var powers = PowersOfTen;
            var limits = ScalableUpTo;
            var difference = Math.Abs(valueScale - sumScale);
            if (difference >= powers.Length)
            {
                return false;
            }

            if (valueScale < sumScale)
            {
                if (addend > limits[difference])
                {
                    return false;
                }

                addend *= powers[difference];
            }
            else
            {
                if (sum > limits[difference])
                {
                    return false;
                }

                sum *= powers[difference];
                sumScale = valueScale;
            }
        }

        var total = sum + addend;
        if (total < sum)
        {
            return false;
        }

        coefficient = total;
        scale = sumScale;
        return true;
    }

    /// <summary>The sum as a decimal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal ToDecimal(ulong coefficient, int scale) => new((int)coefficient, (int)(coefficient >> 32), 0, false, (byte)scale);

    private static bool ReadsLikeGetBits(decimal value)
    {
        var expected = decimal.GetBits(value);
        var bits = Unsafe.BitCast<decimal, Bits>(value);
        return bits.Low == ((ulong)(uint)expected[1] << 32 | (uint)expected[0]) && bits.High == (uint)expected[2] && bits.Flags == expected[3];
    }

    /// <summary>The fields of a <see cref="decimal"/>: flags (scale in bits 16–23, sign in bit 31), then the high 32 and low 64 bits of the coefficient.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Bits
    {
        public int Flags;
        public uint High;
        public ulong Low;
    }
}
