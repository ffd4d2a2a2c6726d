namespace Segmentation.ReferenceWorkload;

/// <summary>The event types of the reference workload.</summary>
public static class EventTypes
{
    /// <summary>A page view.</summary>
    public const string PageView = "PageView";

    /// <summary>A product added to the cart.</summary>
    public const string AddToCart = "AddToCart";

    /// <summary>A cart left without checkout.</summary>
    public const string CartAbandoned = "CartAbandoned";

    /// <summary>A marketing email opened.</summary>
    public const string EmailOpen = "EmailOpen";

    /// <summary>A link in a marketing email clicked.</summary>
    public const string EmailClick = "EmailClick";

    /// <summary>A product review written.</summary>
    public const string Review = "Review";

    /// <summary>All event types.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PageView, AddToCart, CartAbandoned, EmailOpen, EmailClick, Review];
}
