using Segmentation.Core.Tracking;

namespace Segmentation.Storage.Tests.Support;

/// <summary>Checks a profile's history: replaying it never joins an id twice nor leaves one it is not in, and ends in the expected memberships.</summary>
internal static class HistoryChecks
{
    public static HashSet<string> Replay(IEnumerable<MembershipHistoryEntry> entries)
    {
        var joined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var (id, isIn) in entry.Effects())
            {
                if (isIn)
                {
                    joined.Add(id).Should().BeTrue($"{entry.ProfileId} joins {id} only when out of it (#{entry.Sequence} {entry.Kind} {entry.SegmentId})");
                }
                else
                {
                    joined.Remove(id).Should().BeTrue($"{entry.ProfileId} leaves {id} only when in it (#{entry.Sequence} {entry.Kind} {entry.SegmentId})");
                }
            }
        }

        return joined;
    }
}
