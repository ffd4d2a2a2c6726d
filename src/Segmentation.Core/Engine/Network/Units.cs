namespace Segmentation.Core.Engine.Network;

/// <summary>The right-hand side of one or more rules, run in stratum order.</summary>
internal abstract class Unit<TProfile>(int stratum)
{
    public int Stratum { get; } = stratum;

    public abstract void Run(Network<TProfile> network, Frame<TProfile> frame);

    private static readonly SegmentState[] StateOf = [SegmentState.Faulted, SegmentState.In, SegmentState.Out, SegmentState.Faulted];

    protected static void Assign(Frame<TProfile> frame, int slot, ConditionState outcome, FaultInfo? fault)
    {
        frame.Memberships[slot] = StateOf[(int)outcome];
        if (outcome == ConditionState.Faulted)
        {
            frame.MembershipFaults[slot] = fault;
            frame.HasFaults = true;
        }
    }
}

internal sealed class SegmentUnit<TProfile>(int stratum, int slot, ConditionNode<TProfile> condition) : Unit<TProfile>(stratum)
{
    public int Slot { get; } = slot;

    public ConditionNode<TProfile> Condition { get; } = condition;

    public override void Run(Network<TProfile> network, Frame<TProfile> frame)
    {
        var outcome = network.Condition(Condition.Index, frame);
        Assign(frame, Slot, outcome, outcome == ConditionState.Faulted ? frame.ConditionFaults[Condition.Index] : null);
    }
}

internal sealed record GroupMemberUnit<TProfile>(int Slot, ConditionNode<TProfile>? Condition);

internal sealed class GroupUnit<TProfile>(int stratum, int groupIndex, int slot, GroupMemberUnit<TProfile>[] members) : Unit<TProfile>(stratum)
{
    public int Slot { get; } = slot;

    public int GroupIndex { get; } = groupIndex;

    public GroupMemberUnit<TProfile>[] Members { get; } = members;

    public override void Run(Network<TProfile> network, Frame<TProfile> frame)
    {
        frame.GroupChoice[GroupIndex] = -1;
        for (var i = 0; i < Members.Length; i++)
        {
            var member = Members[i];
            var outcome = member.Condition is null ? ConditionState.True : network.Condition(member.Condition.Index, frame);
            if (outcome == ConditionState.False)
            {
                Assign(frame, member.Slot, ConditionState.False, null);
                continue;
            }

            var fault = outcome == ConditionState.Faulted ? frame.ConditionFaults[member.Condition!.Index] : null;
            Assign(frame, member.Slot, outcome, fault);
            Assign(frame, Slot, outcome, fault);
            frame.GroupChoice[GroupIndex] = outcome == ConditionState.True ? i : -1;
            for (var j = i + 1; j < Members.Length; j++)
            {
                Assign(frame, Members[j].Slot, outcome == ConditionState.True ? ConditionState.False : ConditionState.Faulted, fault);
            }

            return;
        }

        Assign(frame, Slot, ConditionState.False, null);
    }
}

internal sealed record ScoreTermUnit<TProfile>(decimal Weight, ConditionNode<TProfile> Condition);

internal sealed class ScoreUnit<TProfile>(int stratum, int scoreSlot, ScoreTermUnit<TProfile>[] terms) : Unit<TProfile>(stratum)
{
    public int ScoreSlot { get; } = scoreSlot;

    public ScoreTermUnit<TProfile>[] Terms { get; } = terms;

    public override void Run(Network<TProfile> network, Frame<TProfile> frame)
    {
        var total = 0m;
        FaultInfo? fault = null;
        foreach (var term in Terms)
        {
            switch (network.Condition(term.Condition.Index, frame))
            {
                case ConditionState.True:
                    try
                    {
                        total += term.Weight;
                    }
                    catch (OverflowException ex)
                    {
                        // Validation rejects weights whose sum can overflow; this keeps the fault in the result regardless.
                        fault ??= new FaultInfo("sum of the score's weights", ex);
                    }

                    break;
                case ConditionState.Faulted:
                    fault ??= frame.ConditionFaults[term.Condition.Index];
                    break;
            }
        }

        frame.Scores[ScoreSlot] = fault is null ? total : 0m;
        frame.ScoreFaults[ScoreSlot] = fault;
        frame.HasFaults |= fault is not null;
    }
}
