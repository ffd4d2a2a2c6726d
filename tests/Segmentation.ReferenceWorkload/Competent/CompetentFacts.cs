namespace Segmentation.ReferenceWorkload;

/// <summary>
/// What the competent hand-written baseline computes once per profile before any segment: the window cut-offs and the
/// age, plus the orders and country the synthetic segments test directly (see <see cref="CompetentHandWritten"/>); the
/// named segments use the same cut-offs (<see cref="NamedSegmentPass"/>).
/// </summary>
public readonly struct CompetentFacts
{
    /// <summary>Computes the cut-offs and the age of one customer as of an instant.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOfUtc">The evaluation instant, in UTC.</param>
    public CompetentFacts(Customer customer, DateTime asOfUtc)
    {
        ArgumentNullException.ThrowIfNull(customer);
        Orders = customer.Orders;
        Country = customer.Country;
        AsOf = asOfUtc;
        D7 = asOfUtc.AddDays(-7);
        D30 = asOfUtc.AddDays(-30);
        D90 = asOfUtc.AddDays(-90);
        D180 = asOfUtc.AddDays(-180);
        D365 = asOfUtc.AddDays(-365);
        Age = Workload.AgeAt(customer.BirthDate, asOfUtc);
    }

    /// <summary>The orders.</summary>
    public List<Order> Orders { get; }

    /// <summary>The country.</summary>
    public string Country { get; }

    /// <summary>The evaluation instant.</summary>
    public DateTime AsOf { get; }

    /// <summary><c>asOf - 7 days</c>.</summary>
    public DateTime D7 { get; }

    /// <summary><c>asOf - 30 days</c>.</summary>
    public DateTime D30 { get; }

    /// <summary><c>asOf - 90 days</c>.</summary>
    public DateTime D90 { get; }

    /// <summary><c>asOf - 180 days</c>.</summary>
    public DateTime D180 { get; }

    /// <summary><c>asOf - 365 days</c>.</summary>
    public DateTime D365 { get; }

    /// <summary>The age in completed years.</summary>
    public int Age { get; }
}
