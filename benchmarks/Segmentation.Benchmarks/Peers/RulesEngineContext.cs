using Segmentation.ReferenceWorkload;

namespace Segmentation.Benchmarks.Peers;

/// <summary>
/// The helper input the RulesEngine rules see next to the customer: the as-of instant, the window cutoffs
/// computed once per as-of, and the fixed country and city sets.
/// </summary>
public sealed class RulesEngineContext
{
    public RulesEngineContext(DateTimeOffset asOf)
    {
        AsOf = asOf.UtcDateTime;
        Cutoff7 = AsOf.AddDays(-7);
        Cutoff30 = AsOf.AddDays(-30);
        Cutoff90 = AsOf.AddDays(-90);
        Cutoff180 = AsOf.AddDays(-180);
        Cutoff365 = AsOf.AddDays(-365);
    }

    public DateTime AsOf { get; }

    public DateTime Cutoff7 { get; }

    public DateTime Cutoff30 { get; }

    public DateTime Cutoff90 { get; }

    public DateTime Cutoff180 { get; }

    public DateTime Cutoff365 { get; }

    public HashSet<string> EuCountries { get; } = new(Workload.EuCountries, StringComparer.Ordinal);

    public HashSet<string> UrbanCities { get; } = new(Workload.UrbanCities, StringComparer.Ordinal);
}
