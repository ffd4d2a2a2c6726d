namespace Segmentation.Core.Validation;

/// <summary>Limits on the shape of a catalog, checked by validation so that no input can exhaust the stack.</summary>
public static class CatalogLimits
{
    /// <summary>
    /// The deepest nesting of conditions ("all of", "any of" and "not" around a leaf, the leaf counting as one level) that a
    /// catalog may use; deeper nesting is a definition error naming the condition's path. The value is 100: far beyond what
    /// a person writes, and small enough that compiling, evaluating and explaining stay well within a 1 MB thread stack.
    /// </summary>
    public const int MaxNestingDepth = 100;

    /// <summary>
    /// The deepest nesting of one of your lambdas (a predicate, selector, filter or date: expression nodes inside one
    /// another, such as a chain of <c>||</c>) that a catalog may use; deeper is a definition error naming the condition's
    /// path. The value is 500, which compiling, evaluating and explaining handle within a 1 MB thread stack; a long chain of
    /// alternatives is better written as a set.
    /// </summary>
    public const int MaxExpressionDepth = 500;
}
