using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>A text field of the profile is one of a set of values (ordinal comparison, optionally ignoring case); <see langword="null"/> is never in the set.</summary>
public sealed class TextSetCondition : ConditionDefinition
{
    /// <summary>Creates a set-membership condition.</summary>
    /// <param name="selector">The selector <c>profile =&gt; string?</c>.</param>
    /// <param name="values">The accepted values.</param>
    /// <param name="ignoreCase">Whether comparison ignores case (ordinal).</param>
    internal TextSetCondition(LambdaExpression selector, IEnumerable<string> values, bool ignoreCase = false)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(values);
        Selector = selector;
        IgnoreCase = ignoreCase;
        Values = values.Distinct(Comparer).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The text selector.</summary>
    public LambdaExpression Selector { get; }

    /// <summary>The accepted values, distinct and in ordinal order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether comparison ignores case.</summary>
    public bool IgnoreCase { get; }

    /// <summary>The comparer implied by <see cref="IgnoreCase"/>.</summary>
    public StringComparer Comparer => IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <inheritdoc />
    public override string Describe()
    {
        var shown = Values.Count <= 6 ? string.Join(", ", Values) : string.Join(", ", Values.Take(5)) + $", … ({Values.Count} values)";
        return $"{ExpressionText.BodyOf(Selector)} in {{{shown}}}";
    }
}
