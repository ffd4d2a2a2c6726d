using Segmentation.Core.Engine;

namespace Segmentation.NRules.Facts;

/// <summary>
/// A fact asserted by a group-member or score-term rule: the rule's conditions held (or faulted) for one profile. The
/// group's rule turns member outcomes into the first-match choice; the score's rule sums term outcomes.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class RuleOutcome<TProfile> : ICopyable
{
    internal RuleOutcome(TProfile profile, string ruleId, string parentId, int order, SegmentState state, SegmentFault? fault)
    {
        Profile = profile;
        RuleId = ruleId;
        ParentId = parentId;
        Order = order;
        State = state;
        Fault = fault;
    }

    /// <summary>The profile.</summary>
    public TProfile Profile { get; }

    /// <summary>The member id or score term id (<c>score#i</c>).</summary>
    public string RuleId { get; }

    /// <summary>The group or score.</summary>
    public string ParentId { get; }

    /// <summary>The position in the group or score.</summary>
    public int Order { get; }

    /// <summary><see cref="SegmentState.In"/> when the conditions hold, <see cref="SegmentState.Faulted"/> when undecided.</summary>
    public SegmentState State { get; private set; }

    /// <summary>Why the conditions could not be decided.</summary>
    public SegmentFault? Fault { get; private set; }

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{RuleId}: {State}";

    void ICopyable.CopyFrom(object source) => CopyFrom((RuleOutcome<TProfile>)source);

    private void CopyFrom(RuleOutcome<TProfile> other)
    {
        State = other.State;
        Fault = other.Fault;
    }
}
