namespace Segmentation.Analytics.Starter;

/// <summary>The names of the event types a <see cref="StarterCatalog{TProfile}"/> looks for; an event's type is compared with them exactly (ordinal).</summary>
public sealed record StarterEventTypes
{
    /// <summary>Gets the type of a cart-abandoned event, for <see cref="StarterSegmentIds.CartAbandoner"/>.</summary>
    /// <value>The default value is <c>CartAbandoned</c>.</value>
    public string CartAbandoned { get; init; } = "CartAbandoned";

    /// <summary>Gets the type of a page-view event, for <see cref="StarterSegmentIds.BrowserNoPurchase"/>.</summary>
    /// <value>The default value is <c>PageView</c>.</value>
    public string PageView { get; init; } = "PageView";

    /// <summary>Gets the type of an add-to-cart event, for the <see cref="StarterSegmentIds.Consideration"/> stage.</summary>
    /// <value>The default value is <c>AddToCart</c>.</value>
    public string AddToCart { get; init; } = "AddToCart";
}
