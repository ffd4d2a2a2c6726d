using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The compiled network of a rule set: fused collection scanners, shared value and condition nodes, and the units
/// that assert memberships and scores, in stratum order. Immutable; all per-evaluation state lives in a <see cref="Frame{TProfile}"/>.
/// </summary>
internal sealed class Network<TProfile>
{
    public required CollectionScanner<TProfile>[] Collections { get; init; }

    public required ValueNode<TProfile>[] Values { get; init; }

    public required ConditionNode<TProfile>[] Conditions { get; init; }

    public required Unit<TProfile>[] Units { get; init; }

    public required NetworkShape Shape { get; init; }

    public required Slots Slots { get; init; }

    public required Func<TProfile, string>? ProfileId { get; init; }

    public required IReadOnlyDictionary<ConditionDefinition, ConditionNode<TProfile>> NodeOf { get; init; }

    public Tri Condition(int index, Frame<TProfile> frame)
    {
        var state = frame.Conditions[index];
        if (state == Tri.Unknown)
        {
            state = Conditions[index].Compute(this, frame);
            frame.Conditions[index] = state;
        }

        return state;
    }

    public Tri Value(int index, Frame<TProfile> frame)
    {
        var state = frame.ValueState[index];
        if (state == Tri.Unknown)
        {
            Values[index].Compute(this, frame);
            state = frame.ValueState[index];
        }

        return state;
    }

    public void EnsureScanned(int collection, Frame<TProfile> frame)
    {
        if (!frame.CollectionDone[collection])
        {
            Collections[collection].Scan(frame);
            frame.CollectionDone[collection] = true;
        }
    }

    /// <summary>The units compiled to straight-line code (see <see cref="NetworkCompiler"/>), when they are.</summary>
    public Action<Frame<TProfile>>[]? Compiled { get; set; }

    /// <summary>How many evaluations left the compiled code for the node network because something threw.</summary>
    public long Fallbacks => Interlocked.Read(ref fallbacks);

    private long fallbacks;

    /// <summary>Evaluates every unit for the profile in a freshly reset frame.</summary>
    public void Run(Frame<TProfile> frame)
    {
        if (Compiled is { } chunks)
        {
            try
            {
                foreach (var chunk in chunks)
                {
                    chunk(frame);
                }

                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref fallbacks);
                frame.Reset(frame.Profile, frame.AsOf);
            }
        }

        RunNodes(frame);
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
