using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <summary>Valid-until analysis straight from an engine (the analyzer and its compiled accessors are cached per engine).</summary>
public static class ValidityExtensions
{
    /// <summary>The earliest instant after <paramref name="asOf"/> at which any membership of the profile changes with no new data.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    public static MembershipValidity ValidUntil<TProfile>(this SegmentEngine<TProfile> engine, TProfile profile, DateTimeOffset asOf) =>
        ValidityAnalyzer<TProfile>.For(engine).ValidUntil(profile, asOf);

    /// <summary>The earliest instant after <paramref name="asOf"/> at which the profile's state in one segment, group or member changes with no new data.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group or group member id.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    public static MembershipValidity ValidUntil<TProfile>(this SegmentEngine<TProfile> engine, TProfile profile, string segmentId, DateTimeOffset asOf) =>
        ValidityAnalyzer<TProfile>.For(engine).ValidUntil(profile, segmentId, asOf);

    /// <summary>
    /// The earliest instant after <paramref name="asOf"/> at which any membership of the profile changes with no new data;
    /// a UTC or unspecified <paramref name="asOf"/> is taken as UTC, a local one converted (<see cref="AsOfTime.From"/>).
    /// </summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    public static MembershipValidity ValidUntil<TProfile>(this SegmentEngine<TProfile> engine, TProfile profile, DateTime asOf) =>
        ValidityAnalyzer<TProfile>.For(engine).ValidUntil(profile, AsOfTime.From(asOf));

    /// <summary>
    /// The earliest instant after <paramref name="asOf"/> at which the profile's state in one segment, group or member
    /// changes with no new data; <paramref name="asOf"/> follows the UTC rule of <see cref="AsOfTime.From"/>.
    /// </summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group or group member id.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    public static MembershipValidity ValidUntil<TProfile>(this SegmentEngine<TProfile> engine, TProfile profile, string segmentId, DateTime asOf) =>
        ValidityAnalyzer<TProfile>.For(engine).ValidUntil(profile, segmentId, AsOfTime.From(asOf));
}
