using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

/// <summary>The standard <see cref="ICatalogBuilder{TProfile}"/>: collects definitions, then freezes them with <see cref="Build"/>.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
internal sealed class CatalogBuilder<TProfile> : ICatalogBuilder<TProfile>
{
    private readonly BuilderState state = new();
    private readonly List<object> builders = [];
    private readonly string name;
    private Expression<Func<TProfile, string>>? profileId;

    /// <summary>Creates an empty catalog builder.</summary>
    /// <param name="name">The catalog's name, for messages.</param>
    public CatalogBuilder(string name = "catalog") => this.name = name;

    /// <summary>Freezes the builder and returns the definitions. A builder used after this throws.</summary>
    /// <returns>The catalog definition (not yet validated).</returns>
    public CatalogDefinition<TProfile> Build()
    {
        state.EnsureOpen();
        state.Freeze();
        return new CatalogDefinition<TProfile>(
            builders.OfType<SegmentBuilder<TProfile>>().Select(b => b.Build()).ToArray(),
            builders.OfType<GroupBuilder<TProfile>>().Select(b => b.Build()).ToArray(),
            builders.OfType<ScoreBuilder<TProfile>>().Select(b => b.Build()).ToArray())
        {
            ProfileId = profileId,
            Name = name,
        };
    }

    /// <inheritdoc />
    public void IdentifiedBy(Expression<Func<TProfile, string>> id)
    {
        ArgumentNullException.ThrowIfNull(id);
        state.EnsureOpen();
        profileId = id;
    }

    /// <inheritdoc />
    public DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTime>> date, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(date);
        return new(new DatedCollectionDefinition<TProfile, TItem>(name ?? NameOf(items), items, date));
    }

    /// <inheritdoc />
    public DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTimeOffset>> date, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(date);
        return new(new DatedCollectionDefinition<TProfile, TItem>(name ?? NameOf(items), items, date));
    }

    /// <inheritdoc />
    public DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTime?>> date, string? name = null)
    {
        var (dated, at) = LambdaRewrites.SkipUndated(items, date);
        return Dated(dated, at, name ?? NameOf(items));
    }

    /// <inheritdoc />
    public DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateOnly>> date, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Dated(items, LambdaRewrites.ToDateTime(date), name);
    }

    /// <inheritdoc />
    public DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateOnly?>> date, string? name = null)
    {
        var (dated, day) = LambdaRewrites.SkipUndated(items, date);
        return Dated(dated, LambdaRewrites.ToDateTime(day), name ?? NameOf(items));
    }

    /// <inheritdoc />
    public ISegmentBuilder<TProfile> Segment(string id, string? name = null) => Add(new SegmentBuilder<TProfile>(state, id, name ?? id));

    /// <inheritdoc />
    public IGroupBuilder<TProfile> Group(string id, string? name = null) => Add(new GroupBuilder<TProfile>(state, id, name ?? id));

    /// <inheritdoc />
    public IScoreBuilder<TProfile> Score(string id, string? name = null) => Add(new ScoreBuilder<TProfile>(state, id, name ?? id));

    /// <inheritdoc />
    public Condition<TProfile> Where(Expression<Func<TProfile, bool>> predicate) => new(new PredicateCondition(predicate));

    /// <inheritdoc />
    public Condition<TProfile> Where(Expression<Func<TProfile, DateTimeOffset, bool>> predicate) => new(new PredicateCondition(predicate));

    /// <inheritdoc />
    public Measure<TProfile> Value(Expression<Func<TProfile, decimal?>> selector) => new(new ProfileValueSource(selector));

    /// <inheritdoc />
    public Measure<TProfile> Value<TNumber>(Expression<Func<TProfile, TNumber>> selector)
        where TNumber : struct, System.Numerics.INumber<TNumber> => Value(LambdaRewrites.ToDecimal(selector));

    /// <inheritdoc />
    public Measure<TProfile> Value<TNumber>(Expression<Func<TProfile, TNumber?>> selector)
        where TNumber : struct, System.Numerics.INumber<TNumber> => Value(LambdaRewrites.ToDecimal(selector));

    /// <inheritdoc />
    public TextField<TProfile> Text(Expression<Func<TProfile, string?>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new(selector);
    }

    /// <inheritdoc />
    public CalendarDate<TProfile> Date(Expression<Func<TProfile, DateTime>> date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return new(date);
    }

    /// <inheritdoc />
    public CalendarDate<TProfile> Date(Expression<Func<TProfile, DateTime?>> date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return new(date);
    }

    /// <inheritdoc />
    public CalendarDate<TProfile> Date(Expression<Func<TProfile, DateOnly>> date) => Date(LambdaRewrites.ToDateTime(date));

    /// <inheritdoc />
    public CalendarDate<TProfile> Date(Expression<Func<TProfile, DateOnly?>> date) => Date(LambdaRewrites.ToDateTime(date));

    /// <inheritdoc />
    public Measure<TProfile> Age(Expression<Func<TProfile, DateTime>> birthDate) => Date(birthDate).Years;

    /// <inheritdoc />
    public Measure<TProfile> Age(Expression<Func<TProfile, DateTime?>> birthDate) => Date(birthDate).Years;

    /// <inheritdoc />
    public Measure<TProfile> Age(Expression<Func<TProfile, DateOnly>> birthDate) => Date(birthDate).Years;

    /// <inheritdoc />
    public Measure<TProfile> Age(Expression<Func<TProfile, DateOnly?>> birthDate) => Date(birthDate).Years;

    /// <inheritdoc />
    public Measure<TProfile> ScoreOf(string scoreId) => new(new ScoreSource(scoreId));

    /// <inheritdoc />
    public Condition<TProfile> InSegment(string id) => new(new ReferenceCondition(id));

    /// <inheritdoc />
    public Condition<TProfile> NotInSegment(string id) => new(new ReferenceCondition(id, negated: true));

    /// <inheritdoc />
    public Condition<TProfile> AllOf(params Condition<TProfile>[] conditions)
    {
        ThrowIfAnyNull(conditions);
        return new(new AllCondition(conditions.Select(c => c.Definition)));
    }

    /// <inheritdoc />
    public Condition<TProfile> AnyOf(params Condition<TProfile>[] conditions)
    {
        ThrowIfAnyNull(conditions);
        return new(new AnyCondition(conditions.Select(c => c.Definition)));
    }

    /// <inheritdoc />
    public Condition<TProfile> Not(Condition<TProfile> condition) => Condition<TProfile>.Not(condition);

    /// <summary>Refuses a null list, or a null in it, naming its position.</summary>
    private static void ThrowIfAnyNull(Condition<TProfile>[] conditions, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(conditions))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(conditions, name);
        var at = Array.IndexOf(conditions, null);
        if (at >= 0)
        {
            throw new ArgumentNullException(name, $"Condition {at} of the list is null.");
        }
    }

    private static string NameOf(LambdaExpression items)
    {
        var body = items.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : items.Body;
        var member = body is MemberExpression m ? m.Member.Name : "items";
        return char.ToLowerInvariant(member[0]) + member[1..];
    }

    private T Add<T>(T builder)
        where T : notnull
    {
        state.EnsureOpen();
        builders.Add(builder);
        return builder;
    }
}
