namespace Segmentation.Analytics.Purchases;

/// <summary>
/// Thrown when a purchase log cannot be read: the message names the source, the 1-based line and the reason, for every
/// malformed line found in one read (<see cref="Problems"/>, at most <see cref="PurchaseLogReader.MaxProblems"/>), on one
/// line: <c>orders.csv line 3: amount 'x' is not a number; line 7: customer_id is empty</c>.
/// </summary>
public sealed class PurchaseLogFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at a line of a source.</summary>
    /// <param name="sourceName">The file name or source name of the log.</param>
    /// <param name="lineNumber">The 1-based line number where the problem was found.</param>
    /// <param name="reason">What is wrong with the line.</param>
    public PurchaseLogFormatException(string sourceName, int lineNumber, string reason)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sourceName} line {lineNumber}: {reason}"))
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Reason = reason;
        Problems = [new PurchaseLogProblem(lineNumber, reason)];
    }

    /// <summary>Creates the exception for several malformed lines of a source.</summary>
    /// <param name="sourceName">The file name or source name of the log.</param>
    /// <param name="problems">The problems, in line order; at least one.</param>
    /// <param name="note">A remark after the list, such as that reading stopped early; <see langword="null"/> for none.</param>
    public PurchaseLogFormatException(string sourceName, IReadOnlyList<PurchaseLogProblem> problems, string? note = null)
        : base(Format(sourceName, problems, note))
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        SourceName = sourceName;
        LineNumber = problems[0].LineNumber;
        Reason = problems[0].Reason;
        Problems = [.. problems];
    }

    /// <summary>Gets the file name or source name of the log.</summary>
    public string SourceName { get; }

    /// <summary>Gets the 1-based line number where the problem was found.</summary>
    public int LineNumber { get; }

    /// <summary>Gets what is wrong with the line, without the source and line prefix.</summary>
    public string Reason { get; }

    /// <summary>Gets every malformed line found, in line order; the first is <see cref="LineNumber"/> and <see cref="Reason"/>.</summary>
    public IReadOnlyList<PurchaseLogProblem> Problems { get; }

    private static string Format(string sourceName, IReadOnlyList<PurchaseLogProblem> problems, string? note)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select((p, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(i == 0 ? sourceName + " " : string.Empty)}line {p.LineNumber}: {p.Reason}"));
        return string.Join("; ", lines) + (note is null ? string.Empty : $" ({note})");
    }
}
