using System.Collections.Immutable;

namespace Segmentation.Analytics.Experiments;

internal static class ExperimentValidation
{
    public static void Validate(ImmutableArray<ExperimentVariant> variants, string holdoutName)
    {
        if (variants.IsEmpty)
            throw new ArgumentException("An experiment needs at least one variant.", nameof(variants));

        var names = new HashSet<string>(StringComparer.Ordinal) { holdoutName };
        foreach (var variant in variants)
        {
            ArgumentNullException.ThrowIfNull(variant, nameof(variants));
            if (string.IsNullOrEmpty(variant.Name))
                throw new ArgumentException("A variant name is empty.", nameof(variants));
            if (variant.Weight <= 0)
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Variant '{variant.Name}' has weight {variant.Weight}; weights must be positive."), nameof(variants));
            if (!names.Add(variant.Name))
                throw new ArgumentException($"Variant name '{variant.Name}' is repeated or equals the holdout name.", nameof(variants));
        }
    }
}
