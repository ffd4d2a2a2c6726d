namespace Segmentation.ReferenceWorkload;

/// <summary>A behavioral event of a customer.</summary>
public sealed class Event
{
    /// <summary>Gets or sets when the event happened (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Gets or sets the event type, one of <see cref="EventTypes"/>.</summary>
    public string Type { get; set; } = string.Empty;
}
