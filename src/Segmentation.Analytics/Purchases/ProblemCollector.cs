using System.Globalization;

namespace Segmentation.Analytics.Purchases;

/// <summary>
/// Collects the malformed lines of a log so that one read reports them all (up to <see cref="PurchaseLogReader.MaxProblems"/>):
/// a line whose fields are wrong is recorded and reading goes on; a problem that makes the rest unreadable (a header, a
/// binary or endless file) ends the read with what was collected so far.
/// </summary>
internal sealed class ProblemCollector(string sourceName)
{
    private readonly List<PurchaseLogProblem> problems = [];

    /// <summary>Records a line's problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns><see langword="true"/> while reading may go on; <see langword="false"/> once the limit is reached.</returns>
    public bool Add(PurchaseLogFormatException problem)
    {
        problems.AddRange(problem.Problems);
        return problems.Count < PurchaseLogReader.MaxProblems;
    }

    /// <summary>Throws every collected problem at once, if any.</summary>
    /// <param name="stoppedEarly">Whether reading stopped at the limit, before the end of the log.</param>
    public void ThrowIfAny(bool stoppedEarly)
    {
        if (problems.Count > 0)
            throw new PurchaseLogFormatException(sourceName, problems, stoppedEarly ? string.Create(CultureInfo.InvariantCulture, $"stopped reading after {problems.Count} problems") : null);
    }
}
