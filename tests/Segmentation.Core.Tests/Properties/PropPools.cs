using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Properties;

/// <summary>
/// The small pools of collections, windows, lambdas and thresholds that generated catalogs draw from, so that the same
/// condition, value and accumulator recur across segments (node sharing and fused scans get exercised). Some lambdas
/// throw on the nulls the profile generator produces; some are built fresh on every use (equal text, new instance,
/// captured values) to exercise sharing by fingerprint rather than by reference.
/// </summary>
internal static class PropPools
{
    public static readonly DatedCollectionDefinition<PropProfile, PropOrder> Orders = new("orders", p => p.Orders, o => o.At);

    public static readonly DatedCollectionDefinition<PropProfile, PropEvent> Events = new("events", p => p.Events, e => e.At);

    public static readonly TimeWindow[] Windows =
    [
        TimeWindow.Ever,
        TimeWindow.Last(TimeSpan.FromDays(1)),
        TimeWindow.Last(TimeSpan.FromHours(36)),
        TimeWindow.Last(TimeSpan.FromDays(7)),
        TimeWindow.Last(TimeSpan.FromDays(30)),
        TimeWindow.Last(TimeSpan.FromDays(90)),
        TimeWindow.Last(TimeSpan.FromDays(365)),
        TimeWindow.BetweenAgo(TimeSpan.FromHours(12), TimeSpan.FromDays(7)),
        TimeWindow.BetweenAgo(TimeSpan.FromDays(7), TimeSpan.FromDays(30)),
        TimeWindow.BetweenAgo(TimeSpan.FromDays(30), TimeSpan.FromDays(90)),
        TimeWindow.BetweenAgo(TimeSpan.FromDays(90), TimeSpan.FromDays(180)),
        TimeWindow.OlderThan(TimeSpan.FromDays(30)),
        TimeWindow.OlderThan(TimeSpan.FromDays(365)),
    ];

    /// <summary>The distances before as-of that timestamps cluster on: every window edge above.</summary>
    public static readonly TimeSpan[] Edges =
    [
        TimeSpan.Zero, TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromHours(36), TimeSpan.FromDays(7),
        TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromDays(180), TimeSpan.FromDays(365),
    ];

    public static readonly decimal[] CountThresholds = [0m, 1m, 1.5m, 2m, 3m];

    public static readonly decimal[] AmountThresholds = [-5m, 0m, 1m, 10m, 25.5m, 100m, 250m];

    /// <summary>Order amounts whose sums, differences and doubles overflow decimal: an overflow must fault only the aggregates concerned.</summary>
    public static readonly decimal[] ExtremeAmounts = [5e28m, -5e28m, decimal.MaxValue, decimal.MinValue, 4e28m];

    public static readonly decimal[] DayThresholds = [0m, 0.5m, 1m, 1.5m, 7m, 30m, 90m, 365m];

    public static readonly decimal[] NpsThresholds = [-1m, -0.5m, 0m, 5m, 5.5m, 6m, 9m, 10m, 12m];

    public static readonly decimal[] DateThresholds = [0m, 1m, 6m, 7m, 11m, 17.5m, 18m, 30m, 65m, 365m];

    public static readonly decimal[] ScoreThresholds = [-5m, 0m, 1m, 2.5m, 3m, 10m];

    public static readonly decimal[] Weights = [-5m, 0.5m, 1m, 2m, 3m, 10m];

    public static readonly decimal[] TierThresholds = [-5m, 0m, 1m, 3m, 5m, 10m, 20m];

    public static readonly decimal[] BetweenWidths = [0m, 1m, 10m, 100m];

    /// <summary>
    /// Order filters: <see langword="null"/> for none; index 3 throws on a null category; 4 and 5 are fresh closures;
    /// 2, 6 and 7 test the category against different constants and 8 and 9 its length (throwing on a null category),
    /// so generated loops chain them (they exclude each other).
    /// </summary>
    public static LambdaExpression? OrderFilter(int index) => index switch
    {
        0 => null,
        1 => AmountAtLeast10,
        2 => IsBooks,
        3 => StartsWithB,
        4 => AmountAtLeast(10m),
        5 => AmountAtLeast(100m),
        6 => IsGames,
        7 => Uncategorized,
        8 => CategoryOfLength5,
        _ => CategoryOfLength6,
    };

    public const int OrderFilterCount = 10;

    /// <summary>Order value selectors; index 2 throws on a null category, index 3 is a fresh instance equal to index 0.</summary>
    public static LambdaExpression OrderSelector(int index) => index switch
    {
        0 => Amount,
        1 => DoubleAmount,
        2 => CategoryLength,
        _ => FreshAmount(),
    };

    public const int OrderSelectorCount = 4;

    /// <summary>
    /// Event filters: <see langword="null"/> for none; index 2 throws on a null type; 3 is a fresh closure; 1, 4 and 5
    /// test the type against different constants (5 a <see langword="static readonly"/> field), which generated loops
    /// chain, and 6 is a fresh instance of 1.
    /// </summary>
    public static LambdaExpression? EventFilter(int index) => index switch
    {
        0 => null,
        1 => IsClick,
        2 => EndsWithK,
        3 => TypeIs("cart"),
        4 => IsView,
        5 => IsEmail,
        _ => FreshIsClick(),
    };

    public const int EventFilterCount = 7;

    /// <summary>Event value selectors; index 0 throws on a null type.</summary>
    public static LambdaExpression EventSelector(int index) => index == 0 ? TypeLength : OffsetHours;

    public const int EventSelectorCount = 2;

    /// <summary>Numeric profile fields; index 2 throws on a null country, index 3 on null orders.</summary>
    public static LambdaExpression ProfileValue(int index) => index switch
    {
        0 => Nps,
        1 => NpsTimesOneAndAHalf,
        2 => CountryLength,
        _ => OrderCount,
    };

    public const int ProfileValueCount = 4;

    /// <summary>Calendar dates of the profile, of each supported type.</summary>
    public static LambdaExpression Date(int index) => index switch
    {
        0 => BirthDate,
        1 => SignupDate,
        2 => LastLogin,
        _ => BirthDay,
    };

    public const int DateCount = 4;

    /// <summary>Text sets; index 3 throws on a null country, index 4 on empty or null orders.</summary>
    public static TextSetCondition TextSet(int index) => index switch
    {
        0 => new TextSetCondition(Country, ["DE", "FR"]),
        1 => new TextSetCondition(Country, ["de", "us"], ignoreCase: true),
        2 => new TextSetCondition(Id, ["p1", "p2"]),
        3 => new TextSetCondition(LowerCountry, ["de", "fr"]),
        _ => new TextSetCondition(FirstCategory, ["books"]),
    };

    public const int TextSetCount = 5;

    /// <summary>Plain predicates; several throw on nulls; two take the as-of instant; two call same-named helpers of different classes.</summary>
    public static LambdaExpression Predicate(int index) => index switch
    {
        0 => CountryIsTwoLetters,
        1 => Promoter,
        2 => NpsValueAtLeast5,
        3 => MoreThanTwoOrders,
        4 => BornThisMonth,
        5 => OrdersAfterAsOf,
        6 => StartsWithVowel,
        7 => ShortId,
        _ => NpsAtLeast(index == 8 ? 6 : 9),
    };

    public const int PredicateCount = 10;

    private static readonly Expression<Func<PropOrder, bool>> AmountAtLeast10 = o => o.Amount >= 10m;
    private static readonly Expression<Func<PropOrder, bool>> IsBooks = o => o.Category == "books";
    private static readonly Expression<Func<PropOrder, bool>> StartsWithB = o => o.Category!.StartsWith('b');
    private static readonly Expression<Func<PropOrder, decimal>> Amount = o => o.Amount;
    private static readonly Expression<Func<PropOrder, decimal>> DoubleAmount = o => o.Amount * 2;
    private static readonly Expression<Func<PropOrder, int>> CategoryLength = o => o.Category!.Length;
    private static readonly Expression<Func<PropOrder, bool>> IsGames = o => o.Category == "games";
    private static readonly Expression<Func<PropOrder, bool>> Uncategorized = o => o.Category == null;
    private static readonly Expression<Func<PropOrder, bool>> CategoryOfLength5 = o => o.Category!.Length == 5;
    private static readonly Expression<Func<PropOrder, bool>> CategoryOfLength6 = o => o.Category!.Length == 6;
    private static readonly Expression<Func<PropEvent, bool>> IsClick = e => e.Type == "click";
    private static readonly Expression<Func<PropEvent, bool>> IsView = e => e.Type == "view";
    private static readonly Expression<Func<PropEvent, bool>> IsEmail = e => e.Type == EventKinds.Email;
    private static readonly Expression<Func<PropEvent, bool>> EndsWithK = e => e.Type!.EndsWith('k');
    private static readonly Expression<Func<PropEvent, int>> TypeLength = e => e.Type!.Length;
    private static readonly Expression<Func<PropEvent, int>> OffsetHours = e => e.At.Offset.Hours;
    private static readonly Expression<Func<PropProfile, int?>> Nps = p => p.Nps;
    private static readonly Expression<Func<PropProfile, decimal?>> NpsTimesOneAndAHalf = p => p.Nps * 1.5m;
    private static readonly Expression<Func<PropProfile, int>> CountryLength = p => p.Country!.Length;
    private static readonly Expression<Func<PropProfile, int>> OrderCount = p => p.Orders!.Count;
    private static readonly Expression<Func<PropProfile, DateTime>> BirthDate = p => p.BirthDate;
    private static readonly Expression<Func<PropProfile, DateTime?>> SignupDate = p => p.SignupDate;
    private static readonly Expression<Func<PropProfile, DateTimeOffset>> LastLogin = p => p.LastLogin;
    private static readonly Expression<Func<PropProfile, DateOnly>> BirthDay = p => DateOnly.FromDateTime(p.BirthDate);
    private static readonly Expression<Func<PropProfile, string?>> Country = p => p.Country;
    private static readonly Expression<Func<PropProfile, string?>> Id = p => p.Id;
    private static readonly Expression<Func<PropProfile, string?>> LowerCountry = p => p.Country!.ToLowerInvariant();
    private static readonly Expression<Func<PropProfile, string?>> FirstCategory = p => p.Orders![0].Category;
    private static readonly Expression<Func<PropProfile, bool>> CountryIsTwoLetters = p => p.Country!.Length == 2;
    private static readonly Expression<Func<PropProfile, bool>> Promoter = p => p.Nps > 7;
    private static readonly Expression<Func<PropProfile, bool>> NpsValueAtLeast5 = p => p.Nps!.Value >= 5;
    private static readonly Expression<Func<PropProfile, bool>> MoreThanTwoOrders = p => p.Orders!.Count > 2;
    private static readonly Expression<Func<PropProfile, DateTimeOffset, bool>> BornThisMonth = (p, asOf) => p.BirthDate.Month == asOf.UtcDateTime.Month;
    private static readonly Expression<Func<PropProfile, DateTimeOffset, bool>> OrdersAfterAsOf = (p, asOf) => p.Orders != null && p.Orders.Any(o => o.At > asOf.UtcDateTime);
    private static readonly Expression<Func<PropProfile, bool>> StartsWithVowel = p => VowelRule.Matches(p);
    private static readonly Expression<Func<PropProfile, bool>> ShortId = p => ShortIdRule.Matches(p);

    private static Expression<Func<PropOrder, bool>> AmountAtLeast(decimal minimum) => o => o.Amount >= minimum;

    private static Expression<Func<PropOrder, decimal>> FreshAmount() => o => o.Amount;

    private static Expression<Func<PropEvent, bool>> TypeIs(string type) => e => e.Type == type;

    private static Expression<Func<PropEvent, bool>> FreshIsClick() => e => e.Type == "click";

    private static Expression<Func<PropProfile, bool>> NpsAtLeast(int minimum) => p => p.Nps >= minimum;
}

/// <summary>Event types kept in <see langword="static readonly"/> fields, as user code often does.</summary>
public static class EventKinds
{
    /// <summary>An email event.</summary>
    public static readonly string Email = "email";
}

/// <summary>A user helper called from a predicate.</summary>
public static class VowelRule
{
    public static bool Matches(PropProfile profile) => profile.Country is { Length: > 0 } country && "AEIOUaeiou".Contains(country[0], StringComparison.Ordinal);
}

/// <summary>Another user helper with the same method name as <see cref="VowelRule"/>.</summary>
public static class ShortIdRule
{
    public static bool Matches(PropProfile profile) => profile.Id.Length <= 2;
}
