using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.NRules.Facts;

namespace Segmentation.NRules.Translation;

/// <summary>
/// An exclusive group's choice from its members' outcomes: members in order, the first that holds wins, a faulted member
/// before any match faults the group and every later member; the fallback member (always holding) takes the rest.
/// </summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
internal sealed class GroupDecider<TProfile>(GroupDefinition group)
{
    public IReadOnlyList<KeyValuePair<string, object>> Decide(TProfile profile, IEnumerable<RuleOutcome<TProfile>> outcomes)
    {
        var byOrder = new RuleOutcome<TProfile>?[group.Members.Count];
        foreach (var outcome in outcomes)
        {
            byOrder[outcome.Order] = outcome;
        }

        var facts = new List<KeyValuePair<string, object>>();
        for (var i = 0; i < byOrder.Length; i++)
        {
            if (byOrder[i] is not { } decided)
            {
                continue;
            }

            var member = group.Members[i];
            if (decided.State == SegmentState.In)
            {
                Add(facts, profile, member.Id, MembershipKind.GroupMember, group.Id, null);
                Add(facts, profile, group.Id, MembershipKind.Group, null, null);
                return facts;
            }

            var fault = decided.Fault!;
            Add(facts, profile, member.Id, MembershipKind.GroupMember, group.Id, fault);
            foreach (var later in group.Members.Skip(i + 1))
            {
                Add(facts, profile, later.Id, MembershipKind.GroupMember, group.Id, fault with { SegmentId = later.Id, CauseId = fault.CauseId ?? member.Id });
            }

            Add(facts, profile, group.Id, MembershipKind.Group, null, fault with { SegmentId = group.Id, CauseId = fault.CauseId ?? member.Id });
            return facts;
        }

        return facts;
    }

    private static void Add(List<KeyValuePair<string, object>> facts, TProfile profile, string id, MembershipKind kind, string? groupId, SegmentFault? fault) =>
        facts.Add(new(id, new SegmentMembership<TProfile>(profile, id, kind, groupId, fault is null ? SegmentState.In : SegmentState.Faulted, fault)));
}
