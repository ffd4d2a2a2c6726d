namespace Segmentation.NRules.Facts;

/// <summary>
/// A profile's condition outcomes: inserted with the profile (see <see cref="NRulesSegmentRules{TProfile}.Insert"/>);
/// each condition rule records whether its condition holds, and a condition that throws records the exception NRules
/// reported through its condition-failure event instead. When every condition rule has fired, a completion rule asserts
/// <see cref="ConditionsEvaluated{TProfile}"/>, which the segment, member and score-term rules join.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class ConditionOutcomes<TProfile>
{
    private readonly bool?[] holds;
    private readonly Exception?[] faults;

    internal ConditionOutcomes(TProfile profile, int count)
    {
        Profile = profile;
        holds = new bool?[count];
        faults = new Exception?[count];
    }

    /// <summary>The profile.</summary>
    public TProfile Profile { get; }

    /// <summary>Whether condition <paramref name="condition"/> holds; <see langword="null"/> when it threw (or has not been evaluated).</summary>
    /// <param name="condition">The condition's number.</param>
    /// <returns>The outcome.</returns>
    public bool? Holds(int condition) => holds[condition];

    /// <summary>The exception condition <paramref name="condition"/> threw, if it did.</summary>
    /// <param name="condition">The condition's number.</param>
    /// <returns>The exception, or <see langword="null"/>.</returns>
    public Exception? FaultOf(int condition) => faults[condition];

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"conditions: {holds.Count(h => h == true)} hold, {faults.Count(f => f is not null)} faulted of {holds.Length}";

    internal void Record(int condition, bool value) => holds[condition] = value;

    internal void RecordFault(int condition, Exception exception) => faults[condition] ??= exception;
}
