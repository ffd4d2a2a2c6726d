using System.Text;
using Segmentation.Core.Engine;

namespace Segmentation.Testing;

/// <summary>The outcome of one decision-table row: the evaluation and every expectation it did not meet.</summary>
public sealed class DecisionRowResult
{
    internal DecisionRowResult(DecisionRow row, SegmentationResult? result, IReadOnlyList<DecisionMismatch> mismatches)
    {
        Row = row;
        Result = result;
        Mismatches = mismatches;
    }

    /// <summary>The row.</summary>
    public DecisionRow Row { get; }

    /// <summary>The evaluation, or <see langword="null"/> when the row could not be mapped to a profile.</summary>
    public SegmentationResult? Result { get; }

    /// <summary>Every expectation the engine did not meet; empty when the row passed.</summary>
    public IReadOnlyList<DecisionMismatch> Mismatches { get; }

    /// <summary>Whether every expectation was met.</summary>
    public bool Passed => Mismatches.Count == 0;

    /// <summary>Throws when the row failed, for one test case per row.</summary>
    /// <exception cref="SegmentAssertionException">The row failed; the message lists every mismatch with its explanation.</exception>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new SegmentAssertionException($"Decision table '{Row.Table}': {this}");
        }
    }

    /// <summary>Formats the row's outcome: <c>row 2 (lapsed) as of …: passed</c>, or every mismatch with its explanation.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var asOf = Result is { } result ? $" as of {SegmentAssert.Format(result.AsOf)}" : string.Empty;
        if (Passed)
        {
            return $"{Row.Label}{asOf}: passed";
        }

        var text = new StringBuilder($"{Row.Label}{asOf}: failed");
        foreach (var line in Mismatches.SelectMany(m => m.ToString().Split(Environment.NewLine)))
        {
            text.AppendLine().Append("  ").Append(line);
        }

        return text.ToString();
    }
}
