using Segmentation.Core.Engine;

namespace Segmentation.Testing;

/// <summary>
/// The <see cref="SegmentAssert"/> assertions as extension methods on an engine:
/// <c>engine.AssertIn(customer, "loyal", asOf)</c>. Named <c>Assert…</c> so they never collide with a test library's
/// <c>Should()</c>.
/// </summary>
public static class SegmentEngineAssertions
{
    /// <summary>Asserts that the profile is in a segment, group member or group.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group member or group id.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The profile is out, or its membership faulted.</exception>
    public static SegmentationResult AssertIn<TProfile>(this ISegmentEngine<TProfile> engine, TProfile profile, string segmentId, DateTimeOffset? asOf = null) =>
        SegmentAssert.IsIn(engine, profile, segmentId, asOf);

    /// <summary>Asserts that the profile is not in a segment, group member or group.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group member or group id.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The profile is in, or its membership faulted.</exception>
    public static SegmentationResult AssertNotIn<TProfile>(this ISegmentEngine<TProfile> engine, TProfile profile, string segmentId, DateTimeOffset? asOf = null) =>
        SegmentAssert.IsNotIn(engine, profile, segmentId, asOf);

    /// <summary>Asserts that an exclusive group chooses a given member for the profile.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="groupId">The group's id.</param>
    /// <param name="memberId">The expected member's id.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The group chose another member, none, or faulted.</exception>
    public static SegmentationResult AssertChooses<TProfile>(this ISegmentEngine<TProfile> engine, TProfile profile, string groupId, string memberId, DateTimeOffset? asOf = null) =>
        SegmentAssert.ChoosesMember(engine, profile, groupId, memberId, asOf);

    /// <summary>Asserts that a score reaches a minimum.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="scoreId">The score's id.</param>
    /// <param name="minimum">The lowest acceptable score.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The score is lower, or faulted.</exception>
    public static SegmentationResult AssertScoreAtLeast<TProfile>(this ISegmentEngine<TProfile> engine, TProfile profile, string scoreId, decimal minimum, DateTimeOffset? asOf = null) =>
        SegmentAssert.ScoreAtLeast(engine, profile, scoreId, minimum, asOf);

    /// <summary>Asserts that a score falls in a tier.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="scoreId">The score's id.</param>
    /// <param name="tier">The expected tier's name, or <see langword="null"/> for below the first tier.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The score is in another tier, or faulted.</exception>
    public static SegmentationResult AssertTier<TProfile>(this ISegmentEngine<TProfile> engine, TProfile profile, string scoreId, string? tier, DateTimeOffset? asOf = null) =>
        SegmentAssert.HasTier(engine, profile, scoreId, tier, asOf);
}
