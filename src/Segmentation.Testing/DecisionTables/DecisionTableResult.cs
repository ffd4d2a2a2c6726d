using System.Text;

namespace Segmentation.Testing;

/// <summary>The outcome of running every row of a <see cref="DecisionTable"/>.</summary>
public sealed class DecisionTableResult
{
    internal DecisionTableResult(string table, IReadOnlyList<DecisionRowResult> rows)
    {
        Table = table;
        Rows = rows;
        Failures = [.. rows.Where(r => !r.Passed)];
    }

    /// <summary>The table's name.</summary>
    public string Table { get; }

    /// <summary>Every row's outcome, in table order.</summary>
    public IReadOnlyList<DecisionRowResult> Rows { get; }

    /// <summary>The rows that failed.</summary>
    public IReadOnlyList<DecisionRowResult> Failures { get; }

    /// <summary>Whether every row passed.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Throws when any row failed.</summary>
    /// <exception cref="SegmentAssertionException">Some rows failed; the message lists every failing row, its mismatches and their explanations.</exception>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new SegmentAssertionException(ToString());
        }
    }

    /// <summary>Summarizes the run, listing every failing row with its mismatches and explanations.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (Passed)
        {
            var all = Rows.Count switch { 0 => "it has no rows", 1 => "the 1 row passed", _ => FormattableString.Invariant($"all {Rows.Count} rows passed") };
            return $"Decision table '{Table}': {all}.";
        }

        var text = new StringBuilder(FormattableString.Invariant($"Decision table '{Table}': {Failures.Count} of {Plural.Rows(Rows.Count)} failed."));
        foreach (var failure in Failures)
        {
            text.AppendLine().Append(failure);
        }

        return text.ToString();
    }
}
