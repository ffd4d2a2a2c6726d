namespace Segmentation.Analytics.Experiments;

/// <summary>The experiment results within one segment, or within the whole population when <see cref="SegmentId"/> is <see langword="null"/>.</summary>
/// <param name="SegmentId">The segment id, or <see langword="null"/> for the whole population.</param>
/// <param name="Variants">The outcome of each variant present, the control first, then by name (ordinal).</param>
/// <param name="Comparisons">Each non-control variant against the control; empty when the control is absent.</param>
public sealed record SegmentExperimentResult(string? SegmentId, IReadOnlyList<VariantOutcome> Variants, IReadOnlyList<VariantComparison> Comparisons);
