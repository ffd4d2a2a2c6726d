using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine;

/// <summary>
/// The as-of rule for <see cref="DateTime"/> values, the same rule dated facts follow: a UTC or unspecified
/// <see cref="DateTime"/> is taken as UTC, a local one is converted to UTC. The result never depends on the time zone of
/// the machine for UTC and unspecified values (the implicit <see cref="DateTime"/> to <see cref="DateTimeOffset"/>
/// conversion would read an unspecified value in the machine's zone).
/// </summary>
public static class AsOfTime
{
    /// <summary>The instant a <see cref="DateTime"/> as-of stands for.</summary>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The instant, with a zero offset.</returns>
    public static DateTimeOffset From(DateTime asOf) => new(DateMath.Ticks(asOf), TimeSpan.Zero);
}
