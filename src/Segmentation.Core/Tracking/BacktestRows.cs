namespace Segmentation.Core.Tracking;

/// <summary>Flattens a back-test report into the rows a store keeps: one rule for every store.</summary>
public static class BacktestRows
{
    /// <summary>The size of every id at every instant.</summary>
    /// <param name="report">The report.</param>
    /// <returns>(instant index, id, size) rows.</returns>
    public static IEnumerable<(int Instant, string MembershipId, int Size)> Sizes(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var i = 0; i < report.Instants.Count; i++)
        {
            foreach (var id in report.SegmentIds)
            {
                yield return (i, id, report.SizeAt(i, id));
            }
        }
    }

    /// <summary>The flow of every id at every step.</summary>
    /// <param name="report">The report.</param>
    /// <returns>(step index, flow) rows.</returns>
    public static IEnumerable<(int Step, SegmentFlow Flow)> Flows(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var i = 0; i < report.Steps.Count; i++)
        {
            foreach (var flow in report.Steps[i].Segments.Values)
            {
                yield return (i, flow);
            }
        }
    }

    /// <summary>The non-zero cells of every exclusive group's transition matrix at every step, in label order (from, then to).</summary>
    /// <param name="report">The report.</param>
    /// <returns>(step index, group id, cell index in the matrix, cell) rows; the cell index orders the cells of one matrix.</returns>
    public static IEnumerable<(int Step, string GroupId, int Cell, BacktestTransitionPoint Transition)> Transitions(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var i = 0; i < report.Steps.Count; i++)
        {
            var step = report.Steps[i];
            foreach (var matrix in step.Groups.Values)
            {
                var labels = matrix.Labels;
                for (var from = 0; from < labels.Count; from++)
                {
                    for (var to = 0; to < labels.Count; to++)
                    {
                        var count = matrix.Count(labels[from], labels[to]);
                        if (count > 0)
                        {
                            yield return (i, matrix.GroupId, (from * labels.Count) + to, new BacktestTransitionPoint(step.From, step.To, labels[from], labels[to], count));
                        }
                    }
                }
            }
        }
    }
}
