namespace Segmentation.ReferenceWorkload;

/// <summary>
/// What the "windows precomputed once per profile" baseline computes before any segment: every distinct window's order
/// count and spend (one pass over the orders), the age, and which of the synthetic country sets hold the country.
/// Synthetic predicates are then lookups (see <see cref="WindowsHandWritten"/>).
/// </summary>
public struct WindowFacts
{
    /// <summary>The age in completed years.</summary>
    public int Age;

    /// <summary>Bit <c>i</c> set when the country is in <see cref="SyntheticCatalogSpec.CountrySets"/>[i].</summary>
    public int CountrySets;

    /// <summary>Orders in the last 30 days.</summary>
    public int Count30;

    /// <summary>Orders in the last 90 days.</summary>
    public int Count90;

    /// <summary>Orders in the last 180 days.</summary>
    public int Count180;

    /// <summary>Orders in the last 365 days.</summary>
    public int Count365;

    /// <summary>Spend in the last 30 days.</summary>
    public decimal Sum30;

    /// <summary>Spend in the last 90 days.</summary>
    public decimal Sum90;

    /// <summary>Spend in the last 180 days.</summary>
    public decimal Sum180;

    /// <summary>Spend in the last 365 days.</summary>
    public decimal Sum365;
}
