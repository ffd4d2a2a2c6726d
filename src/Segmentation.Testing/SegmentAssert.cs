using System.Globalization;
using Segmentation.Core.Engine;

namespace Segmentation.Testing;

/// <summary>
/// Assertions over a compiled engine that work with any test framework. Each evaluates the profile, and on failure throws
/// a <see cref="SegmentAssertionException"/> whose message includes the engine's explanation: which condition failed, and
/// the value it computed. Without an as-of instant, the engine's clock decides it (see <see cref="FixedClock"/>).
/// </summary>
public static class SegmentAssert
{
    /// <summary>Asserts that the profile is in a segment, group member or group.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group member or group id.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The profile is out, or its membership faulted.</exception>
    /// <exception cref="ArgumentException">The id is not in the catalog.</exception>
    public static SegmentationResult IsIn<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, string segmentId, DateTimeOffset? asOf = null) =>
        Membership(engine, profile, segmentId, asOf, SegmentState.In);

    /// <summary>Asserts that the profile is not in a segment, group member or group (a faulted membership fails too).</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group member or group id.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The profile is in, or its membership faulted.</exception>
    /// <exception cref="ArgumentException">The id is not in the catalog.</exception>
    public static SegmentationResult IsNotIn<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, string segmentId, DateTimeOffset? asOf = null) =>
        Membership(engine, profile, segmentId, asOf, SegmentState.Out);

    /// <summary>Asserts that an exclusive group chooses a given member for the profile.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="groupId">The group's id.</param>
    /// <param name="memberId">The expected member's id.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The group chose another member, none, or faulted.</exception>
    /// <exception cref="ArgumentException">The id is not a group of the catalog.</exception>
    public static SegmentationResult ChoosesMember<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, string groupId, string memberId, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(memberId);
        var result = Evaluate(engine, profile, asOf);
        var chosen = result.MemberOf(groupId);
        if (chosen == memberId)
        {
            return result;
        }

        var actual = chosen is not null ? $"it chose '{chosen}'" : result.IsFaulted(groupId) ? "the group faulted" : "no member matched";
        throw Failure(engine, profile, groupId, result, $"Expected group '{groupId}' to choose '{memberId}' for {Who(result)} as of {Format(result.AsOf)}, but {actual}.");
    }

    /// <summary>Asserts that a score reaches a minimum.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="scoreId">The score's id.</param>
    /// <param name="minimum">The lowest acceptable score.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The score is lower, or faulted.</exception>
    /// <exception cref="ArgumentException">The id is not a score of the catalog.</exception>
    public static SegmentationResult ScoreAtLeast<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, string scoreId, decimal minimum, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(scoreId);
        var result = Evaluate(engine, profile, asOf);
        var score = result.Score(scoreId);
        if (score >= minimum)
        {
            return result;
        }

        var actual = score is { } value ? $"it was {Format(value)}" : "it faulted";
        throw Failure(engine, profile, scoreId, result, $"Expected score '{scoreId}' of {Who(result)} to be at least {Format(minimum)} as of {Format(result.AsOf)}, but {actual}.");
    }

    /// <summary>Asserts that a score falls in a tier.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="engine">The engine.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="scoreId">The score's id.</param>
    /// <param name="tier">The expected tier's name, or <see langword="null"/> for below the first tier.</param>
    /// <param name="asOf">The as-of instant; the default is the engine clock's current instant.</param>
    /// <returns>The evaluation, for further checks.</returns>
    /// <exception cref="SegmentAssertionException">The score is in another tier, or faulted.</exception>
    /// <exception cref="ArgumentException">The id is not a score of the catalog.</exception>
    public static SegmentationResult HasTier<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, string scoreId, string? tier, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(scoreId);
        var result = Evaluate(engine, profile, asOf);
        var actual = result.Tier(scoreId);
        var faulted = result.IsFaulted(scoreId);
        if (!faulted && actual == tier)
        {
            return result;
        }

        var expected = tier is null ? "below the first tier" : $"in tier '{tier}'";
        var was = faulted ? "it faulted" : actual is null ? $"it was below the first tier (score {Format(result.Score(scoreId) ?? 0)})" : $"it was in tier '{actual}' (score {Format(result.Score(scoreId) ?? 0)})";
        throw Failure(engine, profile, scoreId, result, $"Expected score '{scoreId}' of {Who(result)} to be {expected} as of {Format(result.AsOf)}, but {was}.");
    }

    internal static SegmentationResult Evaluate<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(profile);
        return asOf is { } instant ? engine.Evaluate(profile, instant) : engine.Evaluate(profile);
    }

    internal static string Who(SegmentationResult result) => result.ProfileId is { } id ? $"profile '{id}'" : "the profile";

    internal static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Describe(SegmentState state) => state switch
    {
        SegmentState.In => "in",
        SegmentState.Out => "out",
        _ => "faulted",
    };

    private static SegmentationResult Membership<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, string segmentId, DateTimeOffset? asOf, SegmentState expected)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        var result = Evaluate(engine, profile, asOf);
        var state = result.StateOf(segmentId);
        if (state == expected)
        {
            return result;
        }

        var wanted = expected == SegmentState.In ? "to be in" : "not to be in";
        var actual = state == SegmentState.Faulted ? "its membership faulted" : state == SegmentState.In ? "it is" : "it is not";
        throw Failure(engine, profile, segmentId, result, $"Expected {Who(result)} {wanted} '{segmentId}' as of {Format(result.AsOf)}, but {actual}.");
    }

    private static SegmentAssertionException Failure<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, string id, SegmentationResult result, string message)
    {
        var explanation = engine.Explain(profile, id, result.AsOf);
        return new SegmentAssertionException($"{message}{Environment.NewLine}Explanation:{Environment.NewLine}{explanation}", id, explanation);
    }
}
