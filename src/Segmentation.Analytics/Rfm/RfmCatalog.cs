using System.Globalization;
using Segmentation.Core.Dsl;
using Segmentation.Analytics.Starter;

namespace Segmentation.Analytics.Rfm;

/// <summary>
/// RFM scoring and the named RFM segments as a catalog over your own profile type, so the engine computes, explains and
/// tracks them like any other segment. It is built from the purchases of a <see cref="StarterMapping{TProfile}"/>, a
/// frozen <see cref="RfmSnapshot"/> (the cut points, fitted beforehand with <see cref="RfmModel.Fit"/>) and an editable
/// <see cref="RfmSegments"/> list, and defines:
/// <list type="table">
/// <listheader><term>Id</term><description>Definition</description></listheader>
/// <item><term><see cref="RfmCatalogIds.Recency"/> (<c>rfm-r</c>)</term><description>A score: <c>bins</c> points for a
/// profile with a purchase, minus 1 per recency cut point strictly below the whole days since the last purchase.</description></item>
/// <item><term><see cref="RfmCatalogIds.Frequency"/> (<c>rfm-f</c>)</term><description>A score: 1 point for a profile with a
/// purchase, plus 1 per frequency cut point strictly below the repeat purchase days (distinct purchase days − 1).</description></item>
/// <item><term><see cref="RfmCatalogIds.Monetary"/> (<c>rfm-m</c>)</term><description>A score: 1 point for a profile with a
/// purchase, plus 1 per monetary cut point strictly below the total spend.</description></item>
/// <item><term><see cref="RfmCatalogIds.FrequencyMonetary"/> (<c>rfm-fm</c>)</term><description>A score: the terms of
/// <c>rfm-f</c> and <c>rfm-m</c> at half weight, that is <c>(F + M) / 2</c>.</description></item>
/// <item><term><see cref="RfmCatalogIds.Group"/> (<c>rfm</c>)</term><description>An exclusive group with one member per
/// rule of the <see cref="RfmSegments"/>, in order, with the rule's id and name. A member matches a profile with at least
/// one purchase whose <c>rfm-r</c> lies in the rule's recency range and whose <c>rfm-fm</c>, <c>rfm-f</c> and
/// <c>rfm-m</c> lie in the rule's other ranges, when set; the first matching member wins. A profile without purchases, or
/// whose score no rule matches, has no member (<c>MemberOf("rfm")</c> is <see langword="null"/>).</description></item>
/// </list>
/// For a profile with purchases the four scores equal <see cref="RfmSnapshot.Score"/> of its
/// <see cref="RfmInput.FromFeatures"/> (with the same tie rule: a value equal to a cut point falls in the lower bin), and
/// the member equals <see cref="RfmSegments.Classify"/> of that score. A profile without purchases scores 0 on all four.
/// The purchases are those dated at or before the evaluation's as-of instant; evaluate at the snapshot's
/// <see cref="RfmSnapshot.AsOf"/> to reproduce the fitted population's scores, or later to score customers against the
/// frozen cut points as time passes.
/// </summary>
/// <remarks>
/// Days since the last purchase are fractional in the engine (elapsed ticks / ticks per day, purchase instants taken as
/// UTC) while <see cref="RfmInput.RecencyDays"/> is a whole number of days. The catalog compares whole elapsed days — the
/// fraction dropped — with the cut points exactly as <see cref="RfmSnapshot.Score"/> compares an integer day count: a
/// recency cut point <c>c</c> counts when <c>floor(days) &gt; c</c>, that is <c>days &gt;= floor(c) + 1</c>. When the
/// purchase instants and the as-of instant are at midnight UTC (as for day-level logs such as CDNOW), whole elapsed days
/// equal the calendar-day count of <see cref="CustomerBase.CustomerBaseCalculator"/>. With times of day they can differ by one: a
/// purchase at 23:00 evaluated at 01:00 the next day is 0 whole days here but 1 calendar day there. Repeat days count
/// distinct UTC calendar days, as <see cref="CustomerBase.CustomerBaseFeatures.Frequency"/> does for day-level data.
/// <para>
/// The definitions are built when the catalog is created: later edits to the mapping or the <see cref="RfmSegments"/>
/// list passed in have no effect. Rule ranges are compared with the scores' possible values (1 to <c>bins</c>, and half
/// steps for the FM average) exactly as <see cref="RfmRange.Contains"/> does; a rule no score can match becomes a member
/// that never matches. Rule ids must be unique and distinct from the catalog's score and group ids, which compiling checks.
/// </para>
/// </remarks>
/// <typeparam name="TProfile">The user's profile type; it needs no base class.</typeparam>
/// <example>
/// <code>
/// var mapping = new StarterMapping&lt;Customer&gt;()
///     .IdentifiedBy(c =&gt; c.Id)
///     .Purchases(c =&gt; c.Orders, o =&gt; o.PlacedAt, o =&gt; o.Total);
/// var snapshot = RfmModel.Fit(population, new RfmOptions { AsOf = asOf });
/// var engine = SegmentEngine.Compile(new RfmCatalog&lt;Customer&gt;(mapping, snapshot));
/// var segment = engine.Evaluate(customer, asOf).MemberOf(RfmCatalogIds.Group); // "champions", "at-risk", … or null
/// </code>
/// </example>
public sealed class RfmCatalog<TProfile> : SegmentCatalog<TProfile>
{
    private const decimal Half = 0.5m;

    private readonly StarterMapping<TProfile> mapping;

    /// <summary>Creates the catalog and builds its definitions.</summary>
    /// <param name="mapping">Where the data lives on the profile: the purchases (collection, instant, amount) are required; the profile id is used when mapped.</param>
    /// <param name="snapshot">The frozen cut points to score against.</param>
    /// <param name="segments">The named segments, first match wins; <see langword="null"/> for <see cref="RfmSegments.Default"/>. The list is copied.</param>
    /// <exception cref="ArgumentException">The mapping has no purchases, or the segment list is empty or holds a <see langword="null"/> rule.</exception>
    public RfmCatalog(StarterMapping<TProfile> mapping, RfmSnapshot snapshot, RfmSegments? segments = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (mapping.PurchaseSource is null)
            throw new ArgumentException("The mapping has no purchases: map them with Purchases(items, date, amount) to score RFM.", nameof(mapping));

        var rules = (segments ?? RfmSegments.Default).ToArray();
        if (rules.Length == 0)
            throw new ArgumentException("The RFM segment list is empty: the 'rfm' group needs at least one rule.", nameof(segments));
        if (Array.IndexOf(rules, null) >= 0)
            throw new ArgumentException("The RFM segment list holds a null rule.", nameof(segments));

        this.mapping = mapping;
        Snapshot = snapshot;
        Segments = rules.AsReadOnly();
        _ = Definition;
    }

    /// <inheritdoc />
    public override string Name => "rfm";

    /// <summary>Gets the frozen cut points the scores are computed against.</summary>
    public RfmSnapshot Snapshot { get; }

    /// <summary>Gets the named-segment rules of the <see cref="RfmCatalogIds.Group"/> group, in order (a copy taken at construction).</summary>
    public IReadOnlyList<RfmSegmentRule> Segments { get; }

    /// <inheritdoc />
    protected override void Define(ICatalogBuilder<TProfile> s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (mapping.ProfileId is { } id)
            s.IdentifiedBy(id);

        var purchases = mapping.PurchaseSource!(s);
        var any = purchases.Any.Ever();
        var bins = Snapshot.Bins;
        var recency = Snapshot.RecencyCutPoints.Select(c => RecencyAbove(purchases, c)).ToArray();
        var frequency = Snapshot.FrequencyCutPoints.Select(c => CountAbove(purchases.RepeatDays.Ever(), any, c, nonNegative: true)).ToArray();
        var monetary = Snapshot.MonetaryCutPoints.Select(c => CountAbove(purchases.Spend.Ever(), any, c, nonNegative: false)).ToArray();

        var r = s.Score(RfmCatalogIds.Recency, "RFM recency")
            .Describe(Text($"{bins} minus the recency cut points ({List(Snapshot.RecencyCutPoints)}) strictly below the whole days since the last purchase; 0 without purchases"))
            .Add(bins, any);
        foreach (var condition in recency)
            r.Add(-1, condition);

        var f = s.Score(RfmCatalogIds.Frequency, "RFM frequency")
            .Describe(Text($"1 plus the frequency cut points ({List(Snapshot.FrequencyCutPoints)}) strictly below the repeat purchase days; 0 without purchases"))
            .Add(1, any);
        foreach (var condition in frequency)
            f.Add(1, condition);

        var m = s.Score(RfmCatalogIds.Monetary, "RFM monetary")
            .Describe(Text($"1 plus the monetary cut points ({List(Snapshot.MonetaryCutPoints)}) strictly below the total spend; 0 without purchases"))
            .Add(1, any);
        foreach (var condition in monetary)
            m.Add(1, condition);

        var fm = s.Score(RfmCatalogIds.FrequencyMonetary, "RFM frequency-monetary average")
            .Describe("The average of the RFM frequency and monetary scores, (F + M) / 2; 0 without purchases")
            .Add(1, any);
        foreach (var condition in frequency.Concat(monetary))
            fm.Add(Half, condition);

        var group = s.Group(RfmCatalogIds.Group, "RFM segment")
            .Describe("Named RFM segments on recency against the frequency-monetary average; first match wins, none without purchases");
        foreach (var rule in Segments)
            group.Member(rule.Id, rule.Name, Conditions(s, any, rule, bins));
    }

    /// <summary>Whole days since the last purchase strictly above <paramref name="cutPoint"/>: <c>days &gt;= floor(c) + 1</c>.</summary>
    private static Condition<TProfile> RecencyAbove(PurchaseAggregates<TProfile> purchases, decimal cutPoint) =>
        purchases.DaysSinceLast.Ever().AtLeast(Math.Max(decimal.Floor(cutPoint) + 1, 0));

    /// <summary>
    /// The value strictly above <paramref name="cutPoint"/>, for a profile with a purchase. A cut point at or above 0 needs
    /// no purchase check (the value without purchases is 0); below 0 every buyer counts, and never-negative values need no comparison.
    /// </summary>
    private static Condition<TProfile> CountAbove(Measure<TProfile> value, Condition<TProfile> any, decimal cutPoint, bool nonNegative) =>
        cutPoint >= 0 ? value.GreaterThan(cutPoint)
        : nonNegative ? any
        : any & value.GreaterThan(cutPoint);

    private static Condition<TProfile>[] Conditions(ICatalogBuilder<TProfile> s, Condition<TProfile> any, RfmSegmentRule rule, int bins)
    {
        var whole = Enumerable.Range(1, bins).Select(v => (decimal)v).ToArray();
        var halves = Enumerable.Range(2, (2 * bins) - 1).Select(v => v * Half).ToArray();
        List<Condition<TProfile>> conditions = [any, InRange(s, RfmCatalogIds.Recency, rule.Recency, whole)];
        if (rule.FrequencyMonetaryAverage is { } fm)
            conditions.Add(InRange(s, RfmCatalogIds.FrequencyMonetary, fm, halves));
        if (rule.Frequency is { } f)
            conditions.Add(InRange(s, RfmCatalogIds.Frequency, f, whole));
        if (rule.Monetary is { } m)
            conditions.Add(InRange(s, RfmCatalogIds.Monetary, m, whole));
        return [.. conditions];
    }

    /// <summary>The score lies in the range, compared over the score's possible values (ascending) exactly as <see cref="RfmRange.Contains"/> does.</summary>
    private static Condition<TProfile> InRange(ICatalogBuilder<TProfile> s, string scoreId, RfmRange range, decimal[] possible)
    {
        var inside = possible.Where(v => range.Contains((double)v)).ToArray();
        return inside.Length == 0 ? s.Where(_ => false) : s.ScoreOf(scoreId).Between(inside[0], inside[^1]);
    }

    private static string List(IEnumerable<decimal> cutPoints) => string.Join(", ", cutPoints.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
