namespace Segmentation.NRules.Facts;

/// <summary>Asserted once every condition rule has fired for a profile: the outcomes are complete.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class ConditionsEvaluated<TProfile> : ICopyable
{
    internal ConditionsEvaluated(ConditionOutcomes<TProfile> outcomes) => Outcomes = outcomes;

    /// <summary>The profile.</summary>
    public TProfile Profile => Outcomes.Profile;

    /// <summary>The complete outcomes.</summary>
    public ConditionOutcomes<TProfile> Outcomes { get; }

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "conditions evaluated";

    void ICopyable.CopyFrom(object source)
    {
    }
}
