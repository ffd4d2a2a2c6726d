namespace Segmentation.Analytics.Measurement;

/// <summary>A profile with the segments it belonged to and its outcome, the input of <see cref="SegmentMeasurement"/>.</summary>
/// <param name="ProfileId">The profile id, unique in a measurement.</param>
/// <param name="Segments">The ids of the segments the profile belonged to; repeated ids count once.</param>
/// <param name="Outcome">What the profile did.</param>
public sealed record MeasuredProfile(string ProfileId, IReadOnlyCollection<string> Segments, ProfileOutcome Outcome);
