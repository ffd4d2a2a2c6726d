using System.Collections.Frozen;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>Where each membership, group and score lives in a frame and in results.</summary>
internal sealed class Slots
{
    public Slots(IEnumerable<string> membershipIds, IReadOnlyList<GroupDefinition> groups, IReadOnlyList<ScoreDefinition> scores)
    {
        MembershipIds = [.. membershipIds];
        MembershipSlot = MembershipIds.Select((id, i) => (id, i)).ToFrozenDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        Groups = [.. groups];
        GroupIndex = Groups.Select((g, i) => (g.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        Scores = [.. scores];
        ScoreSlot = Scores.Select((s, i) => (s.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    public string[] MembershipIds { get; }

    public FrozenDictionary<string, int> MembershipSlot { get; }

    public GroupDefinition[] Groups { get; }

    public FrozenDictionary<string, int> GroupIndex { get; }

    public ScoreDefinition[] Scores { get; }

    public FrozenDictionary<string, int> ScoreSlot { get; }
}
