using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The compiled network of a rule set: fused collection scanners, shared value and condition nodes, and the units
/// that assert memberships and scores, in stratum order. Immutable; all per-evaluation state lives in a <see cref="Frame{TProfile}"/>.
/// </summary>
internal sealed class Network<TProfile>
{
    /// <summary>The network's number in the per-thread frame cache (see <see cref="FrameCache"/>).</summary>
    public long Owner { get; } = FrameCache.NewOwner();

    public required CollectionScanner<TProfile>[] Collections { get; init; }

    /// <summary>Each collection's rank in the order generated code scans the collections a unit needs (see <see cref="DeclarationOrder"/>).</summary>
    public required int[] ScanRanks { get; init; }

    public required ValueNode<TProfile>[] Values { get; init; }

    public required ConditionNode<TProfile>[] Conditions { get; init; }

    public required Unit<TProfile>[] Units { get; init; }

    public required NetworkShape Shape { get; init; }

    public required Slots Slots { get; init; }

    public required Func<TProfile, string>? ProfileId { get; init; }

    public required IReadOnlyDictionary<ConditionDefinition, ConditionNode<TProfile>> NodeOf { get; init; }

    public ConditionState Condition(int index, Frame<TProfile> frame)
    {
        var state = frame.Conditions[index];
        if (state == ConditionState.Pending)
        {
            state = Conditions[index].Compute(this, frame);
            frame.Conditions[index] = state;
        }

        return state;
    }

    public ValueState Value(int index, Frame<TProfile> frame)
    {
        var state = frame.ValueStates[index];
        if (state == ValueState.Pending)
        {
            Values[index].Compute(this, frame);
            state = frame.ValueStates[index];
        }

        return state;
    }

    public void EnsureScanned(int collection, Frame<TProfile> frame)
    {
        if (!frame.IsScanned(collection))
        {
            Collections[collection].Scan(frame);
            frame.MarkScanned(collection);
        }
    }

    /// <summary>Evaluates every unit on the node network, which records faults and keeps every computed node in the frame.</summary>
    public void RunNodes(Frame<TProfile> frame)
    {
        foreach (var unit in Units)
        {
            unit.Run(this, frame);
        }
    }
}
