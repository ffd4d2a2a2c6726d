using System.Globalization;

namespace Segmentation.Cli.Reporting;

/// <summary>
/// The footnotes of the RFM grid: the cut points of each dimension, and the scores that nobody can get. A value scores
/// 1 + the number of cut points strictly below it (recency reversed), so when two cut points are equal (many customers
/// share one value, such as 0 repeat purchases) the score between them is skipped and its row or column is empty.
/// </summary>
internal static class RfmNotes
{
    public static IReadOnlyList<string> For(int bins, IReadOnlyList<decimal> recency, IReadOnlyList<decimal> frequency, IReadOnlyList<decimal> monetary)
    {
        var notes = new List<string>
        {
            Invariant($"Cut points: recency {List(recency, "0")} days since the last purchase (fewer days score higher, R{bins} is the most recent); frequency {List(frequency, "0")} repeat purchases; monetary {List(monetary, "0.00")} total spend. A value scores 1 + the number of cut points strictly below it, so equal values always score the same."),
        };
        Skipped(notes, "R", "recency", recency, k => bins - k, "0");
        Skipped(notes, "F", "frequency", frequency, k => 1 + k, "0");
        Skipped(notes, "M", "monetary", monetary, k => 1 + k, "0.00");
        return notes;
    }

    /// <summary>The scores skipped by tied cut points: <c>k</c> cut points below a value need <c>c[k-1] &lt; v &lt;= c[k]</c>, impossible when they are equal.</summary>
    private static void Skipped(List<string> notes, string letter, string dimension, IReadOnlyList<decimal> cutPoints, Func<int, int> score, string format)
    {
        for (var k = 1; k < cutPoints.Count; k++)
        {
            if (cutPoints[k - 1] != cutPoints[k])
                continue;

            var tie = cutPoints[k].ToString(format, CultureInfo.InvariantCulture);
            var neighbour = score(cutPoints.Count(c => c < cutPoints[k]));
            notes.Add(Invariant($"{letter}{score(k)} is empty: two {dimension} cut points are tied at {tie}, so every customer with {dimension} {tie} scores {letter}{neighbour} and no value falls between them."));
        }
    }

    private static string List(IReadOnlyList<decimal> values, string format) =>
        string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
