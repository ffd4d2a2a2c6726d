using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>A numeric field of the profile, such as an NPS score; a <see langword="null"/> value never matches a comparison.</summary>
public sealed class ProfileValueSource : ValueSource
{
    /// <summary>Creates a profile value source.</summary>
    /// <param name="selector">The selector <c>profile =&gt; decimal?</c>.</param>
    internal ProfileValueSource(LambdaExpression selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        Selector = selector;
    }

    /// <summary>The value selector.</summary>
    public LambdaExpression Selector { get; }

    /// <inheritdoc />
    public override string Describe() => ExpressionText.BodyOf(Selector);
}
