using System.Linq.Expressions;

namespace Segmentation.Core.Model;

/// <summary>
/// A plain C# predicate over the profile, <c>profile =&gt; bool</c>, or over the profile and the as-of instant,
/// <c>(profile, asOf) =&gt; bool</c>. The engine does not filter what such a lambda reads: facts dated after as-of
/// are visible to it.
/// </summary>
public sealed class PredicateCondition : ConditionDefinition
{
    /// <summary>Creates a predicate condition.</summary>
    /// <param name="predicate">The predicate, with one parameter (the profile) or two (the profile and a <see cref="DateTimeOffset"/> as-of).</param>
    internal PredicateCondition(LambdaExpression predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Predicate = predicate;
    }

    /// <summary>The predicate.</summary>
    public LambdaExpression Predicate { get; }

    /// <summary>Whether the predicate takes the as-of instant as its second parameter.</summary>
    public bool UsesAsOf => Predicate.Parameters.Count == 2;

    /// <inheritdoc />
    public override string Describe() => ExpressionText.BodyOf(Predicate);
}
