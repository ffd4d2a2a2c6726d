using CsCheck;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Properties;

/// <summary>One property case: a catalog, an as-of instant and profiles generated around it.</summary>
public sealed record PropCase(CatalogSpec Catalog, DateTimeOffset AsOf, PropProfile[] Profiles, int PermutationSeed);

/// <summary>CsCheck generators for catalogs, profiles and whole cases.</summary>
internal static class PropGen
{
    public const int ProfilesPerCase = 10;

    /// <summary>As-of instants: mid-day, UTC midnight on a year boundary, the last tick of a leap day, a non-UTC offset.</summary>
    private static readonly DateTimeOffset[] AsOfs =
    [
        new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero),
        new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero).AddDays(1).AddTicks(-1),
        new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero),
        new(2026, 3, 15, 2, 0, 0, TimeSpan.FromHours(5)),
    ];

    private static readonly Gen<ComparisonOperator> Operators = Gen.Enum<ComparisonOperator>();

    public static Gen<LeafSpec> Leaf { get; } = Gen.Frequency(
        (5, Aggregate()),
        (2, ProfileValue()),
        (2, TextSet()),
        (2, DateMeasureLeaf()),
        (3, Predicate()));

    public static Gen<CatalogSpec> Catalog { get; } = CatalogOf(1, 15);

    /// <summary>Catalogs of more than 100 units (the size beyond which code generation used to stop).</summary>
    public static Gen<CatalogSpec> LargeCatalog { get; } = CatalogOf(101, 140);

    public static Gen<PropCase> Case { get; } = CaseOf(Catalog);

    public static Gen<PropCase> LargeCase { get; } = CaseOf(LargeCatalog);

    private static Gen<CatalogSpec> CatalogOf(int minSegments, int maxSegments) =>
        from pool in Leaf.Array[3, 10]
        from segments in Condition(3).Array[1, 3].Array[minSegments, maxSegments]
        from groups in Gen.Select(Condition(2).Array[1, 2].Array[1, 4], Gen.Bool).Array[0, 2]
        from scores in Gen.Select(Gen.Select(Gen.OneOf(PropPools.Weights), Condition(2)).Array[1, 4], Tiers()).Array[0, 2]
        from keys in Gen.Int[0, 1000].Array[segments.Length + groups.Length + scores.Length]
        select new CatalogSpec(pool, [
            .. segments.Select((s, i) => (EntitySpec)new SegmentEntity(keys[i], s)),
            .. groups.Select((g, i) => (EntitySpec)new GroupEntity(keys[segments.Length + i], g.Item1, g.Item2)),
            .. scores.Select((s, i) => (EntitySpec)new ScoreEntity(keys[segments.Length + groups.Length + i], s.Item1, s.Item2)),
        ]);

    private static Gen<PropCase> CaseOf(Gen<CatalogSpec> catalogs) =>
        from catalog in catalogs
        from asOf in Gen.OneOf(AsOfs)
        from profiles in Profile(asOf).Array[ProfilesPerCase]
        from permutation in Gen.Int
        select new PropCase(catalog, asOf, profiles, permutation);

    public static Gen<PropProfile> Profile(DateTimeOffset asOf) => Gen.Select(
        Gen.Int[0, 3],
        BirthDate(asOf),
        Gen.Frequency((1, Gen.Const(default(DateTime?))), (3, Gen.Int[0, 800].Select(d => (DateTime?)asOf.UtcDateTime.Date.AddDays(-d)))),
        Gen.Select(Gen.Int[-48, 9000], Gen.OneOf(0, 2, -5, 14), (hours, offset) => asOf.AddHours(-hours).ToOffset(TimeSpan.FromHours(offset))),
        Gen.Frequency((1, Gen.Const(default(string?))), (8, Gen.OneOf<string?>("DE", "FR", "us", "US", "de", "IT", "Bélgica", "A"))),
        Gen.Frequency((1, Gen.Const(default(int?))), (3, Gen.Int[0, 10].Select(n => (int?)n))),
        Gen.Frequency((1, Gen.Const(default(List<PropOrder>?))), (19, Order(asOf).List[0, 6].Select(o => (List<PropOrder>?)o))),
        Gen.Select(Event(asOf).Array[0, 6], Gen.Int[0, 2], (events, shape) => shape switch
        {
            0 => (IEnumerable<PropEvent>)events.ToList(),
            1 => events,
            _ => events.Select(e => e),
        }),
        (id, birth, signup, login, country, nps, orders, events) => new PropProfile
        {
            Id = $"p{id}", BirthDate = birth, SignupDate = signup, LastLogin = login, Country = country, Nps = nps, Orders = orders, Events = events,
        });

    /// <summary>
    /// Fact instants clustered on window edges (exactly, one tick either side, half a day off), anywhere in the last 400
    /// days, or after as-of; one in ten is the same instant as a local-kind <see cref="DateTime"/> (converted back to UTC
    /// by every evaluator, and making the generated loops leave for their general form).
    /// </summary>
    public static Gen<DateTime> FactInstant(DateTimeOffset asOf)
    {
        var asOfTicks = asOf.UtcTicks;
        var onEdge = Gen.Select(Gen.OneOf(PropPools.Edges), Gen.OneOf(0L, -1L, 1L, -TimeSpan.TicksPerHour * 12, TimeSpan.TicksPerSecond), (edge, delta) => asOfTicks - edge.Ticks + delta);
        var anywhere = Gen.Long[asOfTicks - (TimeSpan.TicksPerDay * 400), asOfTicks];
        var future = Gen.OneOf(asOfTicks + 1, asOfTicks + TimeSpan.TicksPerHour, asOfTicks + (TimeSpan.TicksPerDay * 3));
        return Gen.Select(Gen.Frequency((8, onEdge), (3, anywhere), (1, future)), Gen.Int[0, 9], (t, kind) =>
            kind == 0 ? new DateTime(t, DateTimeKind.Utc).ToLocalTime() : new DateTime(t, DateTimeKind.Utc));
    }

    public static string Print(PropCase c)
    {
        var catalog = c.Catalog.Build();
        return $"as of {c.AsOf:O}, permutation seed {c.PermutationSeed}{Environment.NewLine}{CatalogSpec.Describe(catalog)}"
            + string.Join(Environment.NewLine, c.Profiles.Select(p => p.ToString()));
    }

    private static Gen<CondSpec> Condition(int depth)
    {
        var leaf = Gen.Frequency(
            (4, Gen.Select(Gen.Int[0, 20], Gen.Int[0, 3], (i, fresh) => (CondSpec)new PoolSpec(i, fresh == 0))),
            (2, Leaf.Select(l => (CondSpec)l)),
            (2, Gen.Select(Gen.Int[0, 50], Gen.Bool, (pick, negated) => (CondSpec)new RefSpec(pick, negated))),
            (1, Gen.Select(Gen.Int[0, 10], Comparison(PropPools.ScoreThresholds), (pick, comparison) => (CondSpec)new ScoreSpec(pick, comparison))));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Condition(depth - 1);
        return Gen.Frequency(
            (5, leaf),
            (2, inner.Array[1, 3].Select(c => (CondSpec)new AllSpec(c))),
            (2, inner.Array[1, 3].Select(c => (CondSpec)new AnySpec(c))),
            (1, inner.Select(c => (CondSpec)new NotSpec(c))));
    }

    private static Gen<decimal[]> Tiers() =>
        Gen.Int[0, 3].SelectMany(n => Gen.Shuffle(PropPools.TierThresholds).Select(t => t.Take(n).Order().ToArray()));

    private static Gen<Comparison> Comparison(decimal[] thresholds) =>
        Gen.Select(Operators, Gen.OneOf(thresholds), Gen.OneOf(PropPools.BetweenWidths), (op, threshold, width) =>
            new Comparison(op, threshold, op == ComparisonOperator.Between ? threshold + width : null));

    private static Gen<LeafSpec> Aggregate() =>
        from orders in Gen.Bool
        from kind in Gen.Enum<AggregateKind>()
        from window in Gen.OneOf(PropPools.Windows)
        from filter in Gen.Int[0, (orders ? PropPools.OrderFilterCount : PropPools.EventFilterCount) - 1]
        from selector in Gen.Int[0, (orders ? PropPools.OrderSelectorCount : PropPools.EventSelectorCount) - 1]
        from comparison in Comparison(kind switch
        {
            AggregateKind.Count or AggregateKind.DistinctDays or AggregateKind.RepeatDays => PropPools.CountThresholds,
            AggregateKind.DaysSinceFirst or AggregateKind.DaysSinceLast or AggregateKind.DaysFirstToLast => PropPools.DayThresholds,
            _ => PropPools.AmountThresholds,
        })
        let make = (Func<ConditionDefinition>)(() => new ComparisonCondition(
            orders
                ? new AggregateSource(PropPools.Orders, kind, window, PropPools.OrderSelector(selector), PropPools.OrderFilter(filter))
                : new AggregateSource(PropPools.Events, kind, window, PropPools.EventSelector(selector), PropPools.EventFilter(filter)),
            comparison))
        select new LeafSpec(make().Describe(), make);

    private static Gen<LeafSpec> ProfileValue() =>
        Gen.Select(Gen.Int[0, PropPools.ProfileValueCount - 1], Comparison(PropPools.NpsThresholds), (i, comparison) =>
            Spec(() => new ComparisonCondition(new ProfileValueSource(PropPools.ProfileValue(i)), comparison)));

    private static Gen<LeafSpec> TextSet() =>
        Gen.Int[0, PropPools.TextSetCount - 1].Select(i => Spec(() => PropPools.TextSet(i)));

    private static Gen<LeafSpec> DateMeasureLeaf() =>
        Gen.Select(Gen.Int[0, PropPools.DateCount - 1], Gen.Enum<DateMeasure>(), Comparison(PropPools.DateThresholds), (i, measure, comparison) =>
            Spec(() => new ComparisonCondition(new DateSource(PropPools.Date(i), measure), comparison)));

    private static Gen<LeafSpec> Predicate() =>
        Gen.Int[0, PropPools.PredicateCount - 1].Select(i => Spec(() => new PredicateCondition(PropPools.Predicate(i))));

    private static LeafSpec Spec(Func<ConditionDefinition> make) => new(make().Describe(), make);

    private static Gen<DateTime> BirthDate(DateTimeOffset asOf)
    {
        var asOfDate = asOf.UtcDateTime.Date;
        return Gen.Frequency(
            (4, Gen.Select(Gen.OneOf(0, 1, 17, 18, 30, 65), Gen.Int[-1, 1], (years, days) => asOfDate.AddYears(-years).AddDays(days))),
            (1, Gen.OneOf(1996, 2000, 2004).Select(y => new DateTime(y, 2, 29, 0, 0, 0, DateTimeKind.Utc))),
            (2, Gen.Int[0, 365 * 60].Select(d => new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(d))));
    }

    private static Gen<PropOrder> Order(DateTimeOffset asOf) => Gen.Select(
        FactInstant(asOf),
        Gen.Frequency((12, Gen.OneOf(0m, 1m, 9.99m, 10m, 25.5m, 100m, 250m, -5m)), (1, Gen.OneOf(PropPools.ExtremeAmounts))),
        Gen.Frequency((1, Gen.Const(default(string?))), (9, Gen.OneOf<string?>("books", "Books", "games", "garden"))),
        (at, amount, category) => new PropOrder(at, amount, category));

    private static Gen<PropEvent> Event(DateTimeOffset asOf) => Gen.Select(
        FactInstant(asOf),
        Gen.OneOf(0, 2, -5, 14),
        Gen.Frequency((1, Gen.Const(default(string?))), (9, Gen.OneOf<string?>("view", "cart", "click", "email", "Click"))),
        (at, offset, type) => new PropEvent(new DateTimeOffset(at).ToOffset(TimeSpan.FromHours(offset)), type));
}
