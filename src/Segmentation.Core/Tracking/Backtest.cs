using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <summary>
/// Replays history: evaluates every profile as of each instant of a series (facts dated later are invisible, so this is
/// point-in-time) and reports segment sizes per instant and entries, exits and group moves between consecutive instants.
/// </summary>
public static class Backtest
{
    /// <summary>Runs a back-test. Each profile is read once and evaluated at every instant, allocating one row of states per instant.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profiles">The profiles.</param>
    /// <param name="instants">The as-of instants, usually ascending (see <see cref="InstantSeries"/>).</param>
    /// <param name="cancellationToken">Cancels the back-test between profiles.</param>
    /// <returns>The report.</returns>
    public static BacktestReport Run<TProfile>(SegmentEngine<TProfile> engine, IEnumerable<TProfile> profiles, IReadOnlyList<DateTimeOffset> instants, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(instants);
        var tally = new BacktestTally(engine.MembershipIds, engine.RuleSet.Definition.Groups, engine.IndexOf, instants);
        var width = engine.MembershipIds.Count;
        var states = new SegmentState[instants.Count * width];
        foreach (var profile in profiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < instants.Count; i++)
            {
                var row = states.AsSpan(i * width, width);
                if (profile is null)
                {
                    row.Fill(SegmentState.Faulted);
                }
                else
                {
                    engine.Evaluate(profile, instants[i], row);
                }
            }

            tally.Add(states);
        }

        return tally.Build();
    }
}
