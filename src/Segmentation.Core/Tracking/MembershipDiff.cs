using Segmentation.Core.Engine;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>Compares a new result with stored memberships: the changes, and the memberships to store (faulted ones keep their previous state).</summary>
internal sealed class MembershipDiff<TProfile>
{
    private readonly SegmentEngine<TProfile> engine;
    private readonly TProfile profile;
    private readonly SegmentationResult result;
    private readonly MembershipSnapshot? previous;
    private readonly IReadOnlySet<string> before;
    private readonly bool explain;
    private readonly List<MembershipChange> changes = [];

    public MembershipDiff(SegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result, MembershipSnapshot? previous, bool explain)
    {
        this.engine = engine;
        this.profile = profile;
        this.result = result;
        this.previous = previous;
        this.explain = explain;
        before = previous?.Memberships ?? new HashSet<string>(StringComparer.Ordinal);
        var definition = engine.RuleSet.Definition;
        foreach (var segment in definition.Segments)
        {
            Segment(segment.Id);
        }

        foreach (var group in definition.Groups)
        {
            Group(group);
        }
    }

    public HashSet<string> Now { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<MembershipChange> Changes => changes;

    private void Segment(string id)
    {
        var state = result.StateOf(id);
        var wasIn = before.Contains(id);
        if (state == SegmentState.Faulted)
        {
            Keep(wasIn, id);
            return;
        }

        var isIn = state == SegmentState.In;
        Keep(isIn, id);
        if (wasIn != isIn)
        {
            changes.Add(Change(isIn ? MembershipChangeKind.Entered : MembershipChangeKind.Exited, id, null, id));
        }
    }

    private void Group(GroupDefinition group)
    {
        var from = group.Members.FirstOrDefault(m => before.Contains(m.Id))?.Id;
        if (result.StateOf(group.Id) == SegmentState.Faulted)
        {
            Keep(before.Contains(group.Id), group.Id);
            Keep(from is not null, from!);
            return;
        }

        var to = result.MemberOf(group.Id);
        Keep(to is not null, group.Id);
        Keep(to is not null, to!);
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return;
        }

        changes.Add((from, to) switch
        {
            ({ } f, { } t) => Change(MembershipChangeKind.Moved, group.Id, group.Id, group.Id) with { FromMember = f, ToMember = t },
            (null, { } t) => Change(MembershipChangeKind.Entered, t, group.Id, t),
            _ => Change(MembershipChangeKind.Exited, from!, group.Id, from!),
        });
    }

    private void Keep(bool isIn, string id)
    {
        if (isIn)
        {
            Now.Add(id);
        }
    }

    private MembershipChange Change(MembershipChangeKind kind, string segmentId, string? groupId, string explained) => new()
    {
        Kind = kind,
        ProfileId = result.ProfileId!,
        SegmentId = segmentId,
        GroupId = groupId,
        AsOf = result.AsOf,
        PreviousAsOf = previous?.AsOf,
        Explanation = explain ? engine.Explain(profile, explained, result.AsOf) : null,
    };
}
