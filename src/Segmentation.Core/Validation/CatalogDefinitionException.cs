namespace Segmentation.Core.Validation;

/// <summary>A catalog's definitions are invalid. Lists every problem at once, each with its path.</summary>
public sealed class CatalogDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="catalogName">The catalog's name.</param>
    /// <param name="errors">The problems.</param>
    public CatalogDefinitionException(string catalogName, IReadOnlyList<CatalogError> errors)
        : base(Format(catalogName, errors))
    {
        CatalogName = catalogName;
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public CatalogDefinitionException()
        : this("catalog", [])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public CatalogDefinitionException(string message)
        : base(message)
    {
        CatalogName = "catalog";
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public CatalogDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        CatalogName = "catalog";
        Errors = [];
    }

    /// <summary>The catalog's name.</summary>
    public string CatalogName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<CatalogError> Errors { get; }

    private static string Format(string catalogName, IReadOnlyList<CatalogError> errors) =>
        $"Catalog '{catalogName}' is invalid ({errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}):"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
