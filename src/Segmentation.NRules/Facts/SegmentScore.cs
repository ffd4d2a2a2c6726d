using Segmentation.Core.Engine;

namespace Segmentation.NRules.Facts;

/// <summary>A fact asserted by the catalog's NRules rules: a score's value and tier for a profile, or its fault.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class SegmentScore<TProfile> : ICopyable
{
    internal SegmentScore(TProfile profile, string id, decimal? value, string? tier, SegmentFault? fault)
    {
        Profile = profile;
        Id = id;
        Value = value;
        Tier = tier;
        Fault = fault;
    }

    /// <summary>The profile.</summary>
    public TProfile Profile { get; }

    /// <summary>The score's id.</summary>
    public string Id { get; }

    /// <summary>The sum of the weights of the terms that hold; <see langword="null"/> when a term faulted.</summary>
    public decimal? Value { get; private set; }

    /// <summary>The last tier whose threshold the value reaches; <see langword="null"/> below the first or when faulted.</summary>
    public string? Tier { get; private set; }

    /// <summary>Why the score could not be computed; <see langword="null"/> when it was.</summary>
    public SegmentFault? Fault { get; private set; }

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"score {Id}: {Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "faulted"}";

    void ICopyable.CopyFrom(object source) => CopyFrom((SegmentScore<TProfile>)source);

    private void CopyFrom(SegmentScore<TProfile> other)
    {
        Value = other.Value;
        Tier = other.Tier;
        Fault = other.Fault;
    }
}
