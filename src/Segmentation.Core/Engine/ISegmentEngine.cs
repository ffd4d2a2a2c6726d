using Segmentation.Core.Rules;

namespace Segmentation.Core.Engine;

/// <summary>A compiled, immutable, thread-safe segmentation engine over <typeparamref name="TProfile"/>.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public interface ISegmentEngine<TProfile>
{
    /// <summary>The rule set the engine was compiled from.</summary>
    RuleSet<TProfile> RuleSet { get; }

    /// <summary>Every segment, group and group member id, in the order of the membership buffer.</summary>
    IReadOnlyList<string> MembershipIds { get; }

    /// <summary>Every score id, in the order of the score buffer.</summary>
    IReadOnlyList<string> ScoreIds { get; }

    /// <summary>The position of a segment, group or member in the membership buffer.</summary>
    /// <param name="segmentId">The id.</param>
    /// <returns>The index.</returns>
    int IndexOf(string segmentId);

    /// <summary>Evaluates a profile as of the engine clock's current instant.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The result.</returns>
    SegmentationResult Evaluate(TProfile profile);

    /// <summary>Evaluates a profile as of an explicit instant; dated facts after it are invisible to every aggregate.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The result.</returns>
    SegmentationResult Evaluate(TProfile profile, DateTimeOffset asOf);

    /// <summary>Evaluates a profile into caller storage, allocating nothing.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="memberships">Receives one state per <see cref="MembershipIds"/> entry.</param>
    /// <param name="scores">Receives one value per <see cref="ScoreIds"/> entry (0 when faulted), or empty to skip.</param>
    /// <returns>
    /// <see langword="true"/> when no segment, group, member or score faulted, as <see cref="SegmentationResult.HasFaults"/>
    /// would report; a throwing condition whose outcome another operand decided (true OR fault) does not count.
    /// </returns>
    bool Evaluate(TProfile profile, DateTimeOffset asOf, Span<SegmentState> memberships, Span<decimal> scores = default);

    /// <summary>Explains why a profile is or is not in a segment, group, member or score, as of the engine clock's current instant.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group, member or score id.</param>
    /// <returns>The explanation tree.</returns>
    Explanation Explain(TProfile profile, string segmentId);

    /// <summary>Explains why a profile is or is not in a segment, group, member or score as of an instant.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group, member or score id.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The explanation tree.</returns>
    Explanation Explain(TProfile profile, string segmentId, DateTimeOffset asOf);

    /// <summary>
    /// Evaluates a profile as of a <see cref="DateTime"/>, taken as UTC when its kind is UTC or unspecified and converted
    /// to UTC when it is local (see <see cref="AsOfTime.From"/>), so the result does not depend on the machine's time zone.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The result.</returns>
    SegmentationResult Evaluate(TProfile profile, DateTime asOf) => Evaluate(profile, AsOfTime.From(asOf));

    /// <summary>Evaluates a profile into caller storage as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>), allocating nothing.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="memberships">Receives one state per <see cref="MembershipIds"/> entry.</param>
    /// <param name="scores">Receives one value per <see cref="ScoreIds"/> entry (0 when faulted), or empty to skip.</param>
    /// <returns><see langword="true"/> when no segment, group, member or score faulted.</returns>
    bool Evaluate(TProfile profile, DateTime asOf, Span<SegmentState> memberships, Span<decimal> scores = default) =>
        Evaluate(profile, AsOfTime.From(asOf), memberships, scores);

    /// <summary>Explains a profile's state as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="segmentId">The segment, group, member or score id.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The explanation tree.</returns>
    Explanation Explain(TProfile profile, string segmentId, DateTime asOf) => Explain(profile, segmentId, AsOfTime.From(asOf));
}
