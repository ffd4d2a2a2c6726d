using Segmentation.Core.Engine;

namespace Segmentation.NRules.Translation;

/// <summary>
/// The three-valued outcome of a rule's conditions for one profile, with the first fault that decided it: the condition
/// that threw, its exception, and the referenced definition it came through.
/// </summary>
internal sealed record Verdict(Tri Value, string? Condition = null, Exception? Exception = null, string? CauseId = null)
{

    public static readonly Verdict True = new(Tri.True);

    public static readonly Verdict False = new(Tri.False);

    public SegmentState State => Value switch
    {
        Tri.True => SegmentState.In,
        Tri.False => SegmentState.Out,
        _ => SegmentState.Faulted,
    };

    public SegmentFault? FaultFor(string id) =>
        Value == Tri.Fault ? new SegmentFault(id, Condition ?? "(unknown)", Exception ?? new InvalidOperationException("The condition faulted."), CauseId) : null;

    public static Verdict Through(SegmentFault fault) =>
        new(Tri.Fault, fault.Condition, fault.Exception, fault.CauseId ?? fault.SegmentId);
}
