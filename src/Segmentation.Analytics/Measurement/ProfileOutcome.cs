namespace Segmentation.Analytics.Measurement;

/// <summary>What a profile did during the measurement period.</summary>
/// <param name="Converted">Whether the profile converted (for example bought at least once).</param>
/// <param name="Revenue">The revenue the profile brought.</param>
/// <param name="Orders">The number of orders behind <paramref name="Revenue"/>.</param>
/// <param name="Retained">Whether the profile was still active at the end of the period.</param>
public readonly record struct ProfileOutcome(bool Converted, decimal Revenue, int Orders, bool Retained);
