using Segmentation.Core.Engine;

namespace Segmentation.NRules.Facts;

/// <summary>
/// A fact asserted by the catalog's NRules rules: the profile is in a segment, group or group member, or that membership
/// could not be decided (<see cref="SegmentState.Faulted"/>). A profile that is out of a segment has no membership fact
/// for it. Your own NRules rules can match these facts in the same session.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class SegmentMembership<TProfile> : ICopyable
{
    internal SegmentMembership(TProfile profile, string id, MembershipKind kind, string? groupId, SegmentState state, SegmentFault? fault)
    {
        Profile = profile;
        Id = id;
        Kind = kind;
        GroupId = groupId;
        State = state;
        Fault = fault;
    }

    /// <summary>The profile.</summary>
    public TProfile Profile { get; }

    /// <summary>The segment, group or member id.</summary>
    public string Id { get; }

    /// <summary>Whether this is a segment, a group or a group member.</summary>
    public MembershipKind Kind { get; }

    /// <summary>The group of a group member; <see langword="null"/> otherwise.</summary>
    public string? GroupId { get; }

    /// <summary><see cref="SegmentState.In"/> or <see cref="SegmentState.Faulted"/> (never <see cref="SegmentState.Out"/>).</summary>
    public SegmentState State { get; private set; }

    /// <summary>Whether the profile is in it.</summary>
    public bool IsIn => State == SegmentState.In;

    /// <summary>Why the membership could not be decided; <see langword="null"/> when in.</summary>
    public SegmentFault? Fault { get; private set; }

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id}: {State}";

    void ICopyable.CopyFrom(object source) => CopyFrom((SegmentMembership<TProfile>)source);

    private void CopyFrom(SegmentMembership<TProfile> other)
    {
        State = other.State;
        Fault = other.Fault;
    }
}
