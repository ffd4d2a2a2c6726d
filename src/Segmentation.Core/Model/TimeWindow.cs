using System.Globalization;

namespace Segmentation.Core.Model;

/// <summary>
/// A window of time relative to the as-of instant. A dated fact at <c>t</c> is inside when
/// <c>asOf - OldestAgo &lt; t &lt;= asOf - NewestAgo</c>; facts after the as-of instant are never inside.
/// </summary>
/// <param name="NewestAgo">How long before as-of the window ends (inclusive); <see cref="TimeSpan.Zero"/> for "up to now".</param>
/// <param name="OldestAgo">How long before as-of the window starts (exclusive); <see langword="null"/> for "ever".</param>
public sealed record TimeWindow(TimeSpan NewestAgo, TimeSpan? OldestAgo)
{
    /// <summary>Every fact up to and including the as-of instant.</summary>
    public static TimeWindow Ever { get; } = new(TimeSpan.Zero, null);

    /// <summary>The last <paramref name="span"/> up to as-of: <c>asOf - span &lt; t &lt;= asOf</c>.</summary>
    /// <param name="span">The length of the window.</param>
    /// <returns>The window.</returns>
    public static TimeWindow Last(TimeSpan span) => new(TimeSpan.Zero, span);

    /// <summary>Facts between <paramref name="newest"/> and <paramref name="oldest"/> ago: <c>asOf - oldest &lt; t &lt;= asOf - newest</c>.</summary>
    /// <param name="newest">The nearer bound (inclusive).</param>
    /// <param name="oldest">The farther bound (exclusive).</param>
    /// <returns>The window.</returns>
    public static TimeWindow BetweenAgo(TimeSpan newest, TimeSpan oldest) => new(newest, oldest);

    /// <summary>Facts at least <paramref name="age"/> old: <c>t &lt;= asOf - age</c>.</summary>
    /// <param name="age">The minimum age of a fact.</param>
    /// <returns>The window.</returns>
    public static TimeWindow OlderThan(TimeSpan age) => new(age, null);

    /// <summary>Whether the window has no lower bound.</summary>
    public bool IsUnboundedInThePast => OldestAgo is null;

    /// <summary>Tests whether a fact's UTC ticks fall inside the window for the given as-of UTC ticks.</summary>
    /// <param name="factTicks">The fact's instant in UTC ticks.</param>
    /// <param name="asOfTicks">The as-of instant in UTC ticks.</param>
    /// <returns><see langword="true"/> when the fact is inside the window.</returns>
    public bool Contains(long factTicks, long asOfTicks) =>
        factTicks <= asOfTicks - NewestAgo.Ticks && (OldestAgo is not { } oldest || factTicks > asOfTicks - oldest.Ticks);

    /// <summary>Formats the window: <c>ever</c>, <c>in last 90 days</c>, <c>between 90 and 180 days ago</c> or <c>at least 90 days ago</c>.</summary>
    /// <returns>The readable window.</returns>
    public override string ToString() => (NewestAgo == TimeSpan.Zero, OldestAgo) switch
    {
        (true, null) => "ever",
        (true, { } oldest) => $"in last {Span(oldest)}",
        (false, null) => $"at least {Span(NewestAgo)} ago",
        (false, { } oldest) when WholeDays(NewestAgo) && WholeDays(oldest) => $"between {Days(NewestAgo)} and {Span(oldest)} ago",
        (false, { } oldest) => $"between {Span(NewestAgo)} and {Span(oldest)} ago",
    };

    private static bool WholeDays(TimeSpan span) => span.Ticks % TimeSpan.TicksPerDay == 0;

    private static string Days(TimeSpan span) => (span.Ticks / TimeSpan.TicksPerDay).ToString(CultureInfo.InvariantCulture);

    private static string Span(TimeSpan span) =>
        WholeDays(span) ? $"{Days(span)} days" : span.ToString("c", CultureInfo.InvariantCulture);
}
