namespace Segmentation.Core.Validation;

/// <summary>One problem in a catalog's definitions.</summary>
/// <param name="Path">The path to the offending definition, such as <c>segments[churn-risk].conditions[1].window</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CatalogError(string Path, string Message)
{
    /// <summary>Formats the error as <c>path: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
