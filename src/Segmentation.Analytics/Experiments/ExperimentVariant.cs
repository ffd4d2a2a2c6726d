namespace Segmentation.Analytics.Experiments;

/// <summary>A variant of an <see cref="Experiment"/> and its relative weight.</summary>
/// <param name="Name">The variant name, for example <c>control</c>.</param>
/// <param name="Weight">
/// The positive relative weight. Weights are normalised to the buckets left after the holdout, so weights in basis points
/// summing to 10,000 are used as given, and <c>1, 1</c> is a 50/50 split.
/// </param>
public sealed record ExperimentVariant(string Name, int Weight);
