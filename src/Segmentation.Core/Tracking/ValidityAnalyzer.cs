using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Tracking;

/// <summary>
/// Finds, for a profile, the earliest instant after as-of at which its membership would change with no new data
/// ("valid until"), exactly: candidate instants are derived from the definitions (facts entering and leaving windows,
/// future-dated facts becoming visible, days-since thresholds crossed, birthdays, anniversaries and month starts),
/// transitively through references, groups and scores; the profile is then evaluated at the candidates in ascending
/// order and the first one whose state differs is the answer. One analyzer per engine; thread-safe.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed partial class ValidityAnalyzer<TProfile>
{
    private const string AllScope = "\0all";
    private static readonly TimeSpan PeriodicHorizon = TimeSpan.FromDays((5 * 365) + 2);
    private static readonly ConditionalWeakTable<SegmentEngine<TProfile>, ValidityAnalyzer<TProfile>> Cache = [];

    private readonly SegmentEngine<TProfile> engine;
    private readonly ConcurrentDictionary<string, ValidityPlan<TProfile>> plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(DatedCollectionDefinition, LambdaExpression?, LambdaExpression?), FactSeriesReader<TProfile>> readers = new();
    private readonly ConcurrentDictionary<LambdaExpression, Func<TProfile, DateTime?>> dates = new();

    private ValidityAnalyzer(SegmentEngine<TProfile> engine) => this.engine = engine;

    /// <summary>Gets the analyzer of an engine, created on first use and cached with the engine (with its compiled accessors).</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The analyzer.</returns>
    public static ValidityAnalyzer<TProfile> For(SegmentEngine<TProfile> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Cache.GetValue(engine, static e => new ValidityAnalyzer<TProfile>(e));
    }

    /// <summary>The earliest instant after <paramref name="asOf"/> at which any membership of the profile changes with no new data.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    public MembershipValidity ValidUntil(TProfile profile, DateTimeOffset asOf) =>
        Analyze(profile, asOf, AllScope, [.. Enumerable.Range(0, engine.MembershipIds.Count)]);

    /// <summary>
    /// The earliest instant after <paramref name="asOf"/> at which the profile's state in one segment, group member or group
    /// (any of its members) changes with no new data.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group or group member id.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    /// <exception cref="ArgumentException">The id is not a segment, group or member of the catalog.</exception>
    public MembershipValidity ValidUntil(TProfile profile, string segmentId, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        var group = engine.RuleSet.Definition.Groups.FirstOrDefault(g => g.Id == segmentId);
        int[] slots = group is null ? [engine.IndexOf(segmentId)] : [engine.IndexOf(group.Id), .. group.Members.Select(m => engine.IndexOf(m.Id))];
        return Analyze(profile, asOf, segmentId, slots);
    }

    private MembershipValidity Analyze(TProfile profile, DateTimeOffset asOf, string scope, int[] slots)
    {
        ProfileArgument.ThrowIfNull(profile);
        var plan = plans.GetOrAdd(scope, Plan);
        if (plan.Unknown.Count > 0)
        {
            return new MembershipValidity { AsOf = asOf, Kind = ValidityKind.Unknown, UnknownConditions = plan.Unknown };
        }

        var candidates = new CandidateSet(asOf.UtcTicks);
        foreach (var source in plan.Sources.Where(s => !s.IsPeriodic))
        {
            source.Collect(profile, candidates, candidates.AsOfTicks);
        }

        var horizon = candidates.Latest > DateTime.MaxValue.Ticks - PeriodicHorizon.Ticks ? DateTime.MaxValue.Ticks : candidates.Latest + PeriodicHorizon.Ticks;
        foreach (var source in plan.Sources.Where(s => s.IsPeriodic))
        {
            source.Collect(profile, candidates, horizon);
        }

        var width = engine.MembershipIds.Count;
        var baseline = new SegmentState[width];
        var probe = new SegmentState[width];
        engine.Evaluate(profile, asOf, baseline);
        var evaluated = 0;
        foreach (var ticks in candidates.Ascending())
        {
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            evaluated++;
            engine.Evaluate(profile, at, probe);
            if (slots.Any(slot => probe[slot] != baseline[slot]))
            {
                return new MembershipValidity { AsOf = asOf, Kind = ValidityKind.Changes, ValidUntil = at, CandidatesEvaluated = evaluated };
            }
        }

        return new MembershipValidity { AsOf = asOf, Kind = ValidityKind.Stable, CandidatesEvaluated = evaluated };
    }

    private ValidityPlan<TProfile> Plan(string scope)
    {
        var catalog = engine.RuleSet.Definition;
        IEnumerable<string> roots = scope == AllScope
            ? catalog.Segments.Select(s => s.Id).Concat(catalog.Groups.Select(g => g.Id))
            : [scope];
        return new ValidityPlan<TProfile>(catalog, roots, Reader, Date);
    }

    private FactSeriesReader<TProfile> Reader(AggregateSource aggregate) =>
        readers.GetOrAdd((aggregate.Collection, aggregate.Filter, aggregate.UsesSelector ? aggregate.Selector : null), _ => FactSeriesReader<TProfile>.Create(aggregate, engine.IsInterpreted));

    private Func<TProfile, DateTime?> Date(LambdaExpression date) =>
        dates.GetOrAdd(date, lambda => CalendarDates.Compile<TProfile>(lambda, engine.IsInterpreted));
}
