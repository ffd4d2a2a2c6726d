namespace Segmentation.NRules.Facts;

/// <summary>
/// A fact asserted by a condition rule: a condition that depends on no other rule evaluated, for one profile, to
/// <see cref="Holds"/>. A condition that threw asserts nothing (NRules reported the exception through its events), so the
/// absence of this fact once condition rules have fired means the condition faulted.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class ConditionOutcome<TProfile> : ICopyable
{
    internal ConditionOutcome(TProfile profile, int condition, bool holds)
    {
        Profile = profile;
        Condition = condition;
        Holds = holds;
    }

    /// <summary>The profile.</summary>
    public TProfile Profile { get; }

    /// <summary>The condition's number in the compiled rule set.</summary>
    public int Condition { get; }

    /// <summary>Whether the condition holds.</summary>
    public bool Holds { get; private set; }

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"condition {Condition}: {Holds}";

    void ICopyable.CopyFrom(object source) => CopyFrom((ConditionOutcome<TProfile>)source);

    private void CopyFrom(ConditionOutcome<TProfile> other) => Holds = other.Holds;
}
