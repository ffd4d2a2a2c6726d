using System.Text;
using Segmentation.Core.Engine;

namespace Segmentation.Testing;

/// <summary>One expectation of a decision-table row that the engine did not meet.</summary>
/// <param name="Column">The expectation's column, such as <c>expect</c> or <c>score:engagement</c>.</param>
/// <param name="Expected">What the row expected, as text.</param>
/// <param name="Actual">What the engine decided, as text.</param>
/// <param name="Explanations">The engine's explanations of the segments, groups or scores involved.</param>
public sealed record DecisionMismatch(string Column, string Expected, string Actual, IReadOnlyList<Explanation> Explanations)
{
    /// <summary>Formats the mismatch with its explanations indented beneath it.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder($"{Column}: expected {Expected}, was {Actual}");
        foreach (var line in Explanations.SelectMany(e => e.ToString().Split(Environment.NewLine)))
        {
            text.AppendLine().Append("  ").Append(line);
        }

        return text.ToString();
    }
}
