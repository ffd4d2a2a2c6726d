namespace Segmentation.ReferenceWorkload;

/// <summary>The customer profile of the reference workload.</summary>
public sealed class Customer
{
    /// <summary>Gets the customer id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets or sets the birth date (UTC, midnight).</summary>
    public DateTime BirthDate { get; set; }

    /// <summary>Gets or sets the gender.</summary>
    public string Gender { get; set; } = string.Empty;

    /// <summary>Gets or sets the ISO-2 country code.</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>Gets or sets the city.</summary>
    public string City { get; set; } = string.Empty;

    /// <summary>Gets or sets the net promoter score (0–10), if the customer answered the survey.</summary>
    public int? NpsScore { get; set; }

    /// <summary>Gets the declared interests.</summary>
    public HashSet<string> Interests { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Gets the orders, in no particular order.</summary>
    public List<Order> Orders { get; init; } = [];

    /// <summary>Gets the behavioral events, in no particular order.</summary>
    public List<Event> Events { get; init; } = [];
}
