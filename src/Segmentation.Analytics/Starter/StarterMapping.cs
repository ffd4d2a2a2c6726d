using System.Linq.Expressions;
using Segmentation.Core.Dsl;

namespace Segmentation.Analytics.Starter;

/// <summary>
/// Tells a <see cref="StarterCatalog{TProfile}"/> where the data it needs lives on <typeparamref name="TProfile"/>: the
/// profile type stays yours, with no base class or interface to implement. Every part is optional; the catalog only adds
/// the segments whose data is mapped. Each method replaces what an earlier call to it mapped.
/// </summary>
/// <typeparam name="TProfile">The user's profile type.</typeparam>
/// <example>
/// <code>
/// var mapping = new StarterMapping&lt;Customer&gt;()
///     .IdentifiedBy(c =&gt; c.Id)
///     .Purchases(c =&gt; c.Orders, o =&gt; o.PlacedAt, o =&gt; o.Total)
///     .Events(c =&gt; c.Events, e =&gt; e.At, e =&gt; e.Type)
///     .Birthday(c =&gt; c.BirthDate)
///     .Country(c =&gt; c.CountryCode);
/// var engine = SegmentEngine.Compile(new StarterCatalog&lt;Customer&gt;(mapping));
/// </code>
/// </example>
public sealed class StarterMapping<TProfile>
{
    internal Expression<Func<TProfile, string>>? ProfileId { get; private set; }

    internal Func<ICatalogBuilder<TProfile>, PurchaseAggregates<TProfile>>? PurchaseSource { get; private set; }

    internal Func<ICatalogBuilder<TProfile>, EventAggregates<TProfile>>? EventSource { get; private set; }

    internal Func<ICatalogBuilder<TProfile>, CalendarDate<TProfile>>? BirthdaySource { get; private set; }

    internal Func<ICatalogBuilder<TProfile>, CalendarDate<TProfile>>? SignUpSource { get; private set; }

    internal Expression<Func<TProfile, IEnumerable<string>?>>? InterestsSelector { get; private set; }

    internal Expression<Func<TProfile, string?>>? CountrySelector { get; private set; }

    /// <summary>Names how a profile is identified in results, faults and explanations.</summary>
    /// <param name="id">The id accessor.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> IdentifiedBy(Expression<Func<TProfile, string>> id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ProfileId = id;
        return this;
    }

    /// <summary>Maps the purchases (orders): the collection, each purchase's instant and its amount.</summary>
    /// <typeparam name="TPurchase">The purchase type.</typeparam>
    /// <param name="items">The purchases of a profile; <see langword="null"/> means none.</param>
    /// <param name="date">When the purchase was made (taken as UTC; local times are converted).</param>
    /// <param name="amount">The purchase's value.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Purchases<TPurchase>(Expression<Func<TProfile, IEnumerable<TPurchase>?>> items, Expression<Func<TPurchase, DateTime>> date, Expression<Func<TPurchase, decimal>> amount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(amount);
        PurchaseSource = s => Aggregate(s.Dated(items, date), amount);
        return this;
    }

    /// <summary>Maps the purchases (orders): the collection, each purchase's instant and its amount.</summary>
    /// <typeparam name="TPurchase">The purchase type.</typeparam>
    /// <param name="items">The purchases of a profile; <see langword="null"/> means none.</param>
    /// <param name="date">When the purchase was made.</param>
    /// <param name="amount">The purchase's value.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Purchases<TPurchase>(Expression<Func<TProfile, IEnumerable<TPurchase>?>> items, Expression<Func<TPurchase, DateTimeOffset>> date, Expression<Func<TPurchase, decimal>> amount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(amount);
        PurchaseSource = s => Aggregate(s.Dated(items, date), amount);
        return this;
    }

    /// <summary>Maps the behavioral events (page views, add-to-cart, cart abandoned …): the collection, each event's instant and its type.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="items">The events of a profile; <see langword="null"/> means none.</param>
    /// <param name="date">When the event happened (taken as UTC; local times are converted).</param>
    /// <param name="type">The event's type name.</param>
    /// <param name="types">The type names to look for; <see langword="null"/> for the defaults of <see cref="StarterEventTypes"/>.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Events<TEvent>(Expression<Func<TProfile, IEnumerable<TEvent>?>> items, Expression<Func<TEvent, DateTime>> date, Expression<Func<TEvent, string?>> type, StarterEventTypes? types = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(type);
        EventSource = s => Aggregate(s.Dated(items, date), type, types ?? new StarterEventTypes());
        return this;
    }

    /// <summary>Maps the behavioral events (page views, add-to-cart, cart abandoned …): the collection, each event's instant and its type.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="items">The events of a profile; <see langword="null"/> means none.</param>
    /// <param name="date">When the event happened.</param>
    /// <param name="type">The event's type name.</param>
    /// <param name="types">The type names to look for; <see langword="null"/> for the defaults of <see cref="StarterEventTypes"/>.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Events<TEvent>(Expression<Func<TProfile, IEnumerable<TEvent>?>> items, Expression<Func<TEvent, DateTimeOffset>> date, Expression<Func<TEvent, string?>> type, StarterEventTypes? types = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(date);
        ArgumentNullException.ThrowIfNull(type);
        EventSource = s => Aggregate(s.Dated(items, date), type, types ?? new StarterEventTypes());
        return this;
    }

    /// <summary>Maps the birth date, for <see cref="StarterSegmentIds.BirthdayMonth"/>.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Birthday(Expression<Func<TProfile, DateTime>> birthDate)
    {
        ArgumentNullException.ThrowIfNull(birthDate);
        BirthdaySource = s => s.Date(birthDate);
        return this;
    }

    /// <summary>Maps a birth date that may be missing (a missing date never matches), for <see cref="StarterSegmentIds.BirthdayMonth"/>.</summary>
    /// <param name="birthDate">The birth date.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Birthday(Expression<Func<TProfile, DateTime?>> birthDate)
    {
        ArgumentNullException.ThrowIfNull(birthDate);
        BirthdaySource = s => s.Date(birthDate);
        return this;
    }

    /// <summary>Maps the sign-up date, for <see cref="StarterSegmentIds.AnniversaryWeek"/>.</summary>
    /// <param name="signUpDate">The date the customer signed up.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> SignUpDate(Expression<Func<TProfile, DateTime>> signUpDate)
    {
        ArgumentNullException.ThrowIfNull(signUpDate);
        SignUpSource = s => s.Date(signUpDate);
        return this;
    }

    /// <summary>Maps a sign-up date that may be missing (a missing date never matches), for <see cref="StarterSegmentIds.AnniversaryWeek"/>.</summary>
    /// <param name="signUpDate">The date the customer signed up.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> SignUpDate(Expression<Func<TProfile, DateTime?>> signUpDate)
    {
        ArgumentNullException.ThrowIfNull(signUpDate);
        SignUpSource = s => s.Date(signUpDate);
        return this;
    }

    /// <summary>Maps the declared interests (from surveys or preferences), for the <c>interest:{name}</c> segments of <see cref="StarterOptions.Interests"/>.</summary>
    /// <param name="interests">The interests; <see langword="null"/> means none.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Interests(Expression<Func<TProfile, IEnumerable<string>?>> interests)
    {
        ArgumentNullException.ThrowIfNull(interests);
        InterestsSelector = interests;
        return this;
    }

    /// <summary>Maps the country code (ISO 3166-1 alpha-2 for the built-in regions), for the <c>region:{name}</c> segments of <see cref="StarterOptions.Regions"/>.</summary>
    /// <param name="country">The country code.</param>
    /// <returns>This mapping.</returns>
    public StarterMapping<TProfile> Country(Expression<Func<TProfile, string?>> country)
    {
        ArgumentNullException.ThrowIfNull(country);
        CountrySelector = country;
        return this;
    }

    private static PurchaseAggregates<TProfile> Aggregate<TPurchase>(DatedCollection<TProfile, TPurchase> purchases, Expression<Func<TPurchase, decimal>> amount) =>
        new(purchases.Count(), purchases.Sum(amount), purchases.Average(amount), purchases.Any(), purchases.None(), purchases.DaysSinceLast(), purchases.RepeatDays());

    private static EventAggregates<TProfile> Aggregate<TEvent>(DatedCollection<TProfile, TEvent> events, Expression<Func<TEvent, string?>> type, StarterEventTypes types) =>
        new(types, name => events.Count(StarterExpressions.IsType(type, name)), name => events.Any(StarterExpressions.IsType(type, name)));
}
