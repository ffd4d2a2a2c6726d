using Segmentation.Core.Engine;

namespace Segmentation.Core.Tracking;

/// <content>Overloads taking the as-of instant as a <see cref="DateTime"/>, with the engine's rule (<see cref="AsOfTime.From"/>).</content>
public sealed partial class ValidityAnalyzer<TProfile>
{
    /// <summary>Valid-until of every membership as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    public MembershipValidity ValidUntil(TProfile profile, DateTime asOf) => ValidUntil(profile, AsOfTime.From(asOf));

    /// <summary>Valid-until of one segment, group member or group as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group or group member id.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The answer: an instant, stable, or unknown.</returns>
    public MembershipValidity ValidUntil(TProfile profile, string segmentId, DateTime asOf) => ValidUntil(profile, segmentId, AsOfTime.From(asOf));
}
