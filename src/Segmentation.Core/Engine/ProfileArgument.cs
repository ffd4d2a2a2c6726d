using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Segmentation.Core.Engine;

/// <summary>
/// The null check of a profile argument. Not <see cref="ArgumentNullException.ThrowIfNull(object?, string?)"/>: that takes
/// an <see cref="object"/>, so a value-type profile would be boxed, 40 B or more per evaluation; here the check of a
/// value type compiles to nothing.
/// </summary>
internal static class ProfileArgument
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="profile"/> is <see langword="null"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfNull<TProfile>(TProfile profile, [CallerArgumentExpression(nameof(profile))] string? name = null)
    {
        // The type test first: unoptimized code (a Debug build) would box a value-type profile to compare it with null.
        if (!typeof(TProfile).IsValueType && profile is null)
        {
            Throw(name);
        }
    }

    [DoesNotReturn]
    private static void Throw(string? name) => throw new ArgumentNullException(name);
}
