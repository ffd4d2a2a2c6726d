using System.Text;

namespace Segmentation.Core.Engine;

/// <summary>
/// Why a profile is or is not in a segment: a tree of conditions with their outcomes and, for computed values,
/// the value and what it needed (<c>count(orders) in last 90 days = 0, needs &gt;= 1: no</c>).
/// </summary>
public sealed class Explanation
{
    /// <summary>Creates an explanation node.</summary>
    /// <param name="subject">What was tested.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="children">The conditions beneath it.</param>
    public Explanation(string subject, ExplanationOutcome outcome, IReadOnlyList<Explanation>? children = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Subject = subject;
        Outcome = outcome;
        Children = children ?? [];
    }

    /// <summary>What was tested: a segment id, a condition's text.</summary>
    public string Subject { get; }

    /// <summary>The outcome.</summary>
    public ExplanationOutcome Outcome { get; }

    /// <summary>The computed value, formatted, for conditions over values (<c>640.00</c>, <c>(no value)</c>).</summary>
    public string? Value { get; init; }

    /// <summary>What the value needed, such as <c>&gt;= 1000</c>.</summary>
    public string? Requirement { get; init; }

    /// <summary>The exception, for a condition that threw.</summary>
    public Exception? Exception { get; init; }

    /// <summary>The conditions beneath this node.</summary>
    public IReadOnlyList<Explanation> Children { get; }

    /// <summary>This node's line, without children: <c>subject = value, needs requirement: outcome</c>.</summary>
    public string Line
    {
        get
        {
            var text = Value is null ? Subject : $"{Subject} = {Value}" + (Requirement is null ? string.Empty : $", needs {Requirement}");
            var outcome = Outcome switch
            {
                ExplanationOutcome.Yes => "yes",
                ExplanationOutcome.No => "no",
                _ => "faulted" + (Exception is null ? string.Empty : $" — {Exception.GetType().Name}: {Exception.Message}"),
            };
            return $"{text}: {outcome}";
        }
    }

    /// <summary>Renders the tree, one node per line, children indented by two spaces.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        // Depth first with an explicit stack: a chain of references can make the tree as deep as the catalog is long.
        var text = new StringBuilder();
        var pending = new Stack<(Explanation Node, int Depth)>();
        pending.Push((this, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            text.Append(' ', depth * 2).AppendLine(node.Line);
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                pending.Push((node.Children[i], depth + 1));
            }
        }

        return text.ToString().TrimEnd();
    }
}
