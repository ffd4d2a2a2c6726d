using Segmentation.Core.Dsl;

namespace Segmentation.Analytics.Starter;

/// <summary>
/// A ready-made catalog of the common marketing segments over your own profile type, built from a
/// <see cref="StarterMapping{TProfile}"/> and tuned with <see cref="StarterOptions"/>. Only the segments whose data is
/// mapped are added:
/// <list type="bullet">
/// <item><description>purchases: the <see cref="StarterSegmentIds.Engagement"/> and <see cref="StarterSegmentIds.JourneyStage"/> groups,
/// <see cref="StarterSegmentIds.ChurnRisk"/>, <see cref="StarterSegmentIds.HighValue"/> and <see cref="StarterSegmentIds.Seasonal"/>;</description></item>
/// <item><description>events: the <see cref="StarterSegmentIds.Consideration"/> stage; with purchases too,
/// <see cref="StarterSegmentIds.CartAbandoner"/> and <see cref="StarterSegmentIds.BrowserNoPurchase"/>;</description></item>
/// <item><description>birthday: <see cref="StarterSegmentIds.BirthdayMonth"/>; sign-up date: <see cref="StarterSegmentIds.AnniversaryWeek"/>;</description></item>
/// <item><description>interests: one <c>interest:{name}</c> segment per <see cref="StarterOptions.Interests"/>;
/// country: one <c>region:{name}</c> segment per <see cref="StarterOptions.Regions"/>.</description></item>
/// </list>
/// The definitions are built when the catalog is created, so later changes to the mapping or options have no effect.
/// </summary>
/// <typeparam name="TProfile">The user's profile type; it needs no base class.</typeparam>
public sealed class StarterCatalog<TProfile> : SegmentCatalog<TProfile>
{
    private readonly StarterMapping<TProfile> mapping;
    private readonly StarterOptions options;

    /// <summary>Creates the catalog and builds its definitions.</summary>
    /// <param name="mapping">Where the data lives on the profile.</param>
    /// <param name="options">The thresholds; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every problem.</exception>
    public StarterCatalog(StarterMapping<TProfile> mapping, StarterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        this.mapping = mapping;
        this.options = options ?? new StarterOptions();
        StarterOptionsValidator.Validate(this.options);
        _ = Definition;
    }

    /// <inheritdoc />
    public override string Name => "starter";

    /// <inheritdoc />
    protected override void Define(ICatalogBuilder<TProfile> s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (mapping.ProfileId is { } id)
            s.IdentifiedBy(id);

        var purchases = mapping.PurchaseSource?.Invoke(s);
        var events = mapping.EventSource?.Invoke(s);
        if (purchases is not null)
            PurchaseSegments.Define(s, purchases, events, options);
        if (events is not null && purchases is not null)
            EventSegments.Define(s, purchases, events, options);
        OccasionSegments.Define(s, mapping, options);
        AttributeSegments.Define(s, mapping, options);
    }
}
