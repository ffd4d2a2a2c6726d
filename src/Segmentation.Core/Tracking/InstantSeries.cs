namespace Segmentation.Core.Tracking;

/// <summary>Makes series of as-of instants for back-tests.</summary>
public static class InstantSeries
{
    /// <summary>Instants from <paramref name="from"/> to <paramref name="to"/> (inclusive when it falls on a step), <paramref name="step"/> apart.</summary>
    /// <param name="from">The first instant.</param>
    /// <param name="to">The last instant allowed.</param>
    /// <param name="step">The distance between instants; positive.</param>
    /// <returns>The instants in ascending order.</returns>
    public static IReadOnlyList<DateTimeOffset> Every(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var instants = new List<DateTimeOffset>();
        for (var at = from; at <= to; at += step)
        {
            instants.Add(at);
        }

        return instants;
    }

    /// <summary>Weekly instants from <paramref name="from"/> to <paramref name="to"/>, both inclusive when on a step.</summary>
    /// <param name="from">The first instant.</param>
    /// <param name="to">The last instant allowed.</param>
    /// <returns>The instants in ascending order.</returns>
    public static IReadOnlyList<DateTimeOffset> Weekly(DateTimeOffset from, DateTimeOffset to) => Every(from, to, TimeSpan.FromDays(7));

    /// <summary>
    /// Monthly instants: <paramref name="from"/> and the same day and time in each following month (clamped to the month's
    /// last day), up to <paramref name="to"/>.
    /// </summary>
    /// <param name="from">The first instant.</param>
    /// <param name="to">The last instant allowed.</param>
    /// <returns>The instants in ascending order.</returns>
    public static IReadOnlyList<DateTimeOffset> Monthly(DateTimeOffset from, DateTimeOffset to)
    {
        var instants = new List<DateTimeOffset>();
        for (var months = 0; from.AddMonths(months) <= to; months++)
        {
            instants.Add(from.AddMonths(months));
        }

        return instants;
    }
}
