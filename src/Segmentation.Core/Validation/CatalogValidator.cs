using FluentValidation;
using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

/// <summary>Validates a catalog's definitions, reporting every problem at once with its path.</summary>
public static class CatalogValidator
{
    /// <summary>Finds every problem in a catalog's definitions.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="catalog">The definitions.</param>
    /// <returns>The problems; empty when the catalog is valid.</returns>
    public static IReadOnlyList<CatalogError> Validate<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var names = new EntryNames();
        if (ModelNulls.Find(catalog, names) is { Count: > 0 } nulls)
        {
            // The rules below read every part of the model: with a required part missing, the nulls are the problems.
            return nulls;
        }

        var result = new Validator<TProfile>(ValidationScope.For(catalog, names)).Validate(catalog);
        return result.Errors.Select(e => new CatalogError(e.PropertyName, e.ErrorMessage)).ToArray();
    }

    /// <summary>Throws <see cref="CatalogDefinitionException"/> listing every problem when the catalog is invalid.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="catalog">The definitions.</param>
    /// <exception cref="CatalogDefinitionException">The catalog is invalid.</exception>
    public static void EnsureValid<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        var errors = Validate(catalog);
        if (errors.Count > 0)
        {
            throw new CatalogDefinitionException(catalog.Name, errors);
        }
    }

    private sealed class Validator<TProfile> : AbstractValidator<CatalogDefinition<TProfile>>
    {
        public Validator(ValidationScope scope)
        {
            RuleForEach(c => c.Segments).OverrideIndexer((c, _, s, i) => scope.Names.Index(c.Segments, IdOf, s.Id, i))
                .SetValidator(new SegmentValidator(scope)).OverridePropertyName("segments");
            RuleForEach(c => c.Groups).OverrideIndexer((c, _, g, i) => scope.Names.Index(c.Groups, IdOf, g.Id, i))
                .SetValidator(new GroupValidator(scope)).OverridePropertyName("groups");
            RuleForEach(c => c.Scores).OverrideIndexer((c, _, s, i) => scope.Names.Index(c.Scores, IdOf, s.Id, i))
                .SetValidator(new ScoreValidator(scope)).OverridePropertyName("scores");
            RuleFor(c => c).Custom((catalog, context) =>
            {
                foreach (var (path, message) in CatalogRules.Check(catalog, scope.Names))
                {
                    context.AddFailure(path, message);
                }
            });
        }

        private static string IdOf(SegmentDefinition segment) => segment.Id;

        private static string IdOf(GroupDefinition group) => group.Id;

        private static string IdOf(ScoreDefinition score) => score.Id;
    }
}
