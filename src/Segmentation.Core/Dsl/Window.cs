using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

/// <summary>The window stage of an aggregate: which facts count, relative to the as-of instant.</summary>
/// <typeparam name="TNext">What the aggregate becomes once its window is chosen.</typeparam>
public sealed class Window<TNext>
{
    private readonly Func<TimeWindow, TNext> complete;

    internal Window(Func<TimeWindow, TNext> complete) => this.complete = complete;

    /// <summary>Every fact up to and including as-of.</summary>
    /// <returns>The next stage.</returns>
    public TNext Ever() => complete(TimeWindow.Ever);

    /// <summary>Facts in the last <paramref name="days"/> days: <c>asOf - days &lt; t &lt;= asOf</c>.</summary>
    /// <param name="days">The length of the window in days.</param>
    /// <returns>The next stage.</returns>
    public TNext InLast(int days) => complete(TimeWindow.Last(Days(days)));

    /// <summary>Facts in the last <paramref name="span"/>: <c>asOf - span &lt; t &lt;= asOf</c>.</summary>
    /// <param name="span">The length of the window.</param>
    /// <returns>The next stage.</returns>
    public TNext InLast(TimeSpan span) => complete(TimeWindow.Last(span));

    /// <summary>
    /// Facts between <paramref name="fromDaysAgo"/> and <paramref name="toDaysAgo"/> days before as-of:
    /// <c>asOf - to &lt; t &lt;= asOf - from</c>. (A window of time; a range of values is <see cref="Measure{TProfile}.Between"/>.)
    /// </summary>
    /// <param name="fromDaysAgo">The nearer bound in days (inclusive).</param>
    /// <param name="toDaysAgo">The farther bound in days (exclusive).</param>
    /// <returns>The next stage.</returns>
    public TNext BetweenDaysAgo(int fromDaysAgo, int toDaysAgo) => complete(TimeWindow.BetweenAgo(Days(fromDaysAgo), Days(toDaysAgo)));

    /// <summary>Facts between <paramref name="newest"/> and <paramref name="oldest"/> before as-of: <c>asOf - oldest &lt; t &lt;= asOf - newest</c>.</summary>
    /// <param name="newest">The nearer bound (inclusive).</param>
    /// <param name="oldest">The farther bound (exclusive).</param>
    /// <returns>The next stage.</returns>
    public TNext BetweenAgo(TimeSpan newest, TimeSpan oldest) => complete(TimeWindow.BetweenAgo(newest, oldest));

    /// <summary>Facts at least <paramref name="days"/> days old: <c>t &lt;= asOf - days</c>.</summary>
    /// <param name="days">The minimum age in days.</param>
    /// <returns>The next stage.</returns>
    public TNext OlderThan(int days) => complete(TimeWindow.OlderThan(Days(days)));

    /// <summary>Facts in the given window.</summary>
    /// <param name="window">The window.</param>
    /// <returns>The next stage.</returns>
    public TNext In(TimeWindow window) => complete(window);

    /// <summary>
    /// A number of days as a span. Beyond <see cref="TimeSpan"/>'s range (about 10.7 million days, far more than any
    /// date's distance from another) it is <see cref="TimeSpan.MaxValue"/> or <see cref="TimeSpan.MinValue"/>, which
    /// select the same facts, so that a huge or negative count reaches validation (which reports a negative one with
    /// the catalog's other problems) instead of throwing while the catalog is defined.
    /// </summary>
    private static TimeSpan Days(int days) =>
        days > TimeSpan.MaxValue.Days ? TimeSpan.MaxValue : days < TimeSpan.MinValue.Days ? TimeSpan.MinValue : TimeSpan.FromDays(days);
}
