using System.Linq.Expressions;

namespace Segmentation.Core.Dsl;

/// <summary>Defines the segments, exclusive groups and scores of a catalog over <typeparamref name="TProfile"/>.</summary>
/// <typeparam name="TProfile">The user's profile type.</typeparam>
public interface ICatalogBuilder<TProfile>
{
    /// <summary>Names how a profile is identified (used in results, faults, tracking and A/B assignment).</summary>
    /// <param name="id">The id accessor.</param>
    void IdentifiedBy(Expression<Func<TProfile, string>> id);

    /// <summary>Declares a dated collection whose items carry a <see cref="DateTime"/> (taken as UTC; local times are converted).</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The collection on the profile.</param>
    /// <param name="date">The item's instant.</param>
    /// <param name="name">A display name; the default is the member name in lower camel case, such as <c>orders</c>.</param>
    /// <returns>The collection, to build aggregates on.</returns>
    DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTime>> date, string? name = null);

    /// <summary>Declares a dated collection whose items carry a <see cref="DateTimeOffset"/>.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The collection on the profile.</param>
    /// <param name="date">The item's instant.</param>
    /// <param name="name">A display name; the default is the member name in lower camel case.</param>
    /// <returns>The collection, to build aggregates on.</returns>
    DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTimeOffset>> date, string? name = null);

    /// <summary>
    /// Declares a dated collection whose items may have no date (<see cref="DateTime"/>?): an item without a date is not a
    /// fact, so no aggregate sees it; dates are taken as UTC (local times are converted).
    /// </summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The collection on the profile.</param>
    /// <param name="date">The item's instant, or <see langword="null"/>.</param>
    /// <param name="name">A display name; the default is the member name in lower camel case.</param>
    /// <returns>The collection, to build aggregates on.</returns>
    DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateTime?>> date, string? name = null);

    /// <summary>Declares a dated collection whose items carry a <see cref="DateOnly"/>: each item is a fact at midnight UTC of its day.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The collection on the profile.</param>
    /// <param name="date">The item's day.</param>
    /// <param name="name">A display name; the default is the member name in lower camel case.</param>
    /// <returns>The collection, to build aggregates on.</returns>
    DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateOnly>> date, string? name = null);

    /// <summary>Declares a dated collection whose items may have no day (<see cref="DateOnly"/>?): items without one are not facts; the others are facts at midnight UTC.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The collection on the profile.</param>
    /// <param name="date">The item's day, or <see langword="null"/>.</param>
    /// <param name="name">A display name; the default is the member name in lower camel case.</param>
    /// <returns>The collection, to build aggregates on.</returns>
    DatedCollection<TProfile, TItem> Dated<TItem>(Expression<Func<TProfile, IEnumerable<TItem>?>> items, Expression<Func<TItem, DateOnly?>> date, string? name = null);

    /// <summary>Starts a segment.</summary>
    /// <param name="id">The unique id, such as <c>churn-risk</c>.</param>
    /// <param name="name">The display name; the default is the id.</param>
    /// <returns>The segment builder.</returns>
    ISegmentBuilder<TProfile> Segment(string id, string? name = null);

    /// <summary>Starts an exclusive group (first matching member wins).</summary>
    /// <param name="id">The unique id, such as <c>journey-stage</c>.</param>
    /// <param name="name">The display name; the default is the id.</param>
    /// <returns>The group builder.</returns>
    IGroupBuilder<TProfile> Group(string id, string? name = null);

    /// <summary>Starts a score (weighted conditions summed, banded into tiers).</summary>
    /// <param name="id">The unique id, such as <c>engagement</c>.</param>
    /// <param name="name">The display name; the default is the id.</param>
    /// <returns>The score builder.</returns>
    IScoreBuilder<TProfile> Score(string id, string? name = null);

    /// <summary>A plain C# predicate over the profile. Dated facts after as-of are not filtered out of what it reads.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>The condition.</returns>
    Condition<TProfile> Where(Expression<Func<TProfile, bool>> predicate);

    /// <summary>A plain C# predicate over the profile and the as-of instant.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>The condition.</returns>
    Condition<TProfile> Where(Expression<Func<TProfile, DateTimeOffset, bool>> predicate);

    /// <summary>A numeric field of the profile; <see langword="null"/> never matches.</summary>
    /// <param name="selector">The field.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> Value(Expression<Func<TProfile, decimal?>> selector);

    /// <summary>
    /// A numeric field of any number type (<see cref="int"/>, <see cref="long"/>, <see cref="double"/> …), compared as a
    /// <see cref="decimal"/>; a value a decimal cannot hold (NaN, an infinity, beyond ±7.9e28) faults the condition.
    /// </summary>
    /// <typeparam name="TNumber">The field's number type.</typeparam>
    /// <param name="selector">The field.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> Value<TNumber>(Expression<Func<TProfile, TNumber>> selector)
        where TNumber : struct, System.Numerics.INumber<TNumber>;

    /// <summary>A nullable numeric field of any number type; <see langword="null"/> never matches (see the non-nullable overload for conversions).</summary>
    /// <typeparam name="TNumber">The field's number type.</typeparam>
    /// <param name="selector">The field.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> Value<TNumber>(Expression<Func<TProfile, TNumber?>> selector)
        where TNumber : struct, System.Numerics.INumber<TNumber>;

    /// <summary>A text field of the profile, for set membership.</summary>
    /// <param name="selector">The field.</param>
    /// <returns>The field, to test.</returns>
    TextField<TProfile> Text(Expression<Func<TProfile, string?>> selector);

    /// <summary>A calendar date of the profile, for ages and occasions.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date, to measure.</returns>
    CalendarDate<TProfile> Date(Expression<Func<TProfile, DateTime>> date);

    /// <summary>A calendar date of the profile that may be missing; a missing date never matches.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date, to measure.</returns>
    CalendarDate<TProfile> Date(Expression<Func<TProfile, DateTime?>> date);

    /// <summary>A calendar date of the profile as a <see cref="DateOnly"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date, to measure.</returns>
    CalendarDate<TProfile> Date(Expression<Func<TProfile, DateOnly>> date);

    /// <summary>A calendar date of the profile as a <see cref="DateOnly"/> that may be missing; a missing date never matches.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date, to measure.</returns>
    CalendarDate<TProfile> Date(Expression<Func<TProfile, DateOnly?>> date);

    /// <summary>Completed years from a date of the profile to as-of (an age).</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> Age(Expression<Func<TProfile, DateTime>> birthDate);

    /// <summary>Completed years from a date of the profile that may be missing to as-of; a missing date never matches.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> Age(Expression<Func<TProfile, DateTime?>> birthDate);

    /// <summary>Completed years from a <see cref="DateOnly"/> of the profile to as-of (an age).</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> Age(Expression<Func<TProfile, DateOnly>> birthDate);

    /// <summary>Completed years from a <see cref="DateOnly"/> of the profile that may be missing to as-of; a missing date never matches.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> Age(Expression<Func<TProfile, DateOnly?>> birthDate);

    /// <summary>The value of a score of this catalog.</summary>
    /// <param name="scoreId">The score's id.</param>
    /// <returns>The measure, to compare.</returns>
    Measure<TProfile> ScoreOf(string scoreId);

    /// <summary>Membership in another segment, group member or group (evaluated first).</summary>
    /// <param name="id">The referenced id.</param>
    /// <returns>The condition.</returns>
    Condition<TProfile> InSegment(string id);

    /// <summary>Non-membership in another segment, group member or group (evaluated first).</summary>
    /// <param name="id">The referenced id.</param>
    /// <returns>The condition.</returns>
    Condition<TProfile> NotInSegment(string id);

    /// <summary>All of the conditions hold.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The conjunction.</returns>
    Condition<TProfile> AllOf(params Condition<TProfile>[] conditions);

    /// <summary>At least one of the conditions holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The disjunction.</returns>
    Condition<TProfile> AnyOf(params Condition<TProfile>[] conditions);

    /// <summary>The condition does not hold.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negation.</returns>
    Condition<TProfile> Not(Condition<TProfile> condition);
}
