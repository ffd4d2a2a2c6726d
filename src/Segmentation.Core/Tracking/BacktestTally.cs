using Segmentation.Core.Engine;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>Accumulates back-test counts, one profile (all instants) at a time.</summary>
internal sealed class BacktestTally
{
    private readonly IReadOnlyList<string> ids;
    private readonly IReadOnlyList<DateTimeOffset> instants;
    private readonly (GroupDefinition Group, int Slot, int[] Members)[] groups;
    private readonly int[][] sizes;
    private readonly int[] faulted;
    private readonly int[][] entered;
    private readonly int[][] exited;
    private readonly int[][] stayed;
    private readonly int[][,] moves;
    private int profiles;

    public BacktestTally(IReadOnlyList<string> ids, IReadOnlyList<GroupDefinition> groups, Func<string, int> indexOf, IReadOnlyList<DateTimeOffset> instants)
    {
        this.ids = ids;
        this.instants = instants;
        this.groups = [.. groups.Select(g => (g, indexOf(g.Id), g.Members.Select(m => indexOf(m.Id)).ToArray()))];
        var steps = Math.Max(0, instants.Count - 1);
        sizes = Jagged(instants.Count, ids.Count);
        faulted = new int[instants.Count];
        entered = Jagged(steps, ids.Count);
        exited = Jagged(steps, ids.Count);
        stayed = Jagged(steps, ids.Count);
        moves = [.. Enumerable.Range(0, steps * this.groups.Length).Select(i => new int[this.groups[i % this.groups.Length].Members.Length + 2, this.groups[i % this.groups.Length].Members.Length + 2])];
    }

    public void Add(SegmentState[] states)
    {
        profiles++;
        var width = ids.Count;
        for (var i = 0; i < instants.Count; i++)
        {
            var row = states.AsSpan(i * width, width);
            faulted[i] += row.Contains(SegmentState.Faulted) ? 1 : 0;
            for (var s = 0; s < width; s++)
            {
                sizes[i][s] += row[s] == SegmentState.In ? 1 : 0;
            }

            if (i == 0)
            {
                continue;
            }

            var previous = states.AsSpan((i - 1) * width, width);
            for (var s = 0; s < width; s++)
            {
                var (was, now) = (previous[s] == SegmentState.In, row[s] == SegmentState.In);
                entered[i - 1][s] += !was && now ? 1 : 0;
                exited[i - 1][s] += was && !now ? 1 : 0;
                stayed[i - 1][s] += was && now ? 1 : 0;
            }

            for (var g = 0; g < groups.Length; g++)
            {
                moves[((i - 1) * groups.Length) + g][Label(g, previous), Label(g, row)]++;
            }
        }
    }

    public BacktestReport Build()
    {
        var steps = Enumerable.Range(0, Math.Max(0, instants.Count - 1)).Select(i => new BacktestStep(
            instants[i],
            instants[i + 1],
            ids.Select((id, s) => new SegmentFlow(id, entered[i][s], exited[i][s], stayed[i][s])).ToDictionary(f => f.SegmentId, StringComparer.Ordinal),
            groups.Select((g, k) => new GroupTransitionMatrix(g.Group.Id, [.. g.Group.Members.Select(m => m.Id), GroupTransitionMatrix.NoMember, GroupTransitionMatrix.FaultedMember], moves[(i * groups.Length) + k]))
                .ToDictionary(m => m.GroupId, StringComparer.Ordinal))).ToArray();
        return new BacktestReport(instants, ids, profiles, sizes, faulted, steps);
    }

    private int Label(int group, ReadOnlySpan<SegmentState> row)
    {
        var (_, slot, members) = groups[group];
        if (row[slot] == SegmentState.Faulted)
        {
            return members.Length + 1;
        }

        for (var m = 0; m < members.Length; m++)
        {
            if (row[members[m]] == SegmentState.In)
            {
                return m;
            }
        }

        return members.Length;
    }

    private static int[][] Jagged(int rows, int columns) => [.. Enumerable.Range(0, rows).Select(_ => new int[columns])];
}
