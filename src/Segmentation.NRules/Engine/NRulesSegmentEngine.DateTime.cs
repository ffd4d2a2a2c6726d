using Segmentation.Core.Engine;
using BatchOptions = Segmentation.Core.Batch.BatchOptions;

namespace Segmentation.NRules.Engine;

/// <content>
/// Overloads taking the as-of instant as a <see cref="DateTime"/>, with the native engine's rule
/// (<see cref="AsOfTime.From"/>): UTC and unspecified values are UTC, local ones are converted. Without them a
/// <see cref="DateTime"/> argument would bind to the <see cref="DateTimeOffset"/> overloads through the implicit
/// conversion, which reads an unspecified value in the machine's time zone, and the two engines would disagree.
/// </content>
public sealed partial class NRulesSegmentEngine<TProfile>
{
    /// <inheritdoc />
    public SegmentationResult Evaluate(TProfile profile, DateTime asOf) => Evaluate(profile, AsOfTime.From(asOf));

    /// <inheritdoc />
    public bool Evaluate(TProfile profile, DateTime asOf, Span<SegmentState> memberships, Span<decimal> scores = default) =>
        Evaluate(profile, AsOfTime.From(asOf), memberships, scores);

    /// <inheritdoc />
    public Explanation Explain(TProfile profile, string segmentId, DateTime asOf) => Explain(profile, segmentId, AsOfTime.From(asOf));

    /// <summary>Evaluates a profile as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>) and keeps the session's facts.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <returns>The result and the session's facts.</returns>
    public NRulesEvaluation Run(TProfile profile, DateTime asOf) => Run(profile, AsOfTime.From(asOf));

    /// <summary>Evaluates many profiles in parallel as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="options">Parallelism and fail-fast.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The results, in input order.</returns>
    public SegmentationResult[] EvaluateBatch(IReadOnlyList<TProfile> profiles, DateTime asOf, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        EvaluateBatch(profiles, AsOfTime.From(asOf), options, cancellationToken);

    /// <summary>Evaluates many profiles into caller storage in parallel as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <param name="options">Parallelism.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The number of profiles that faulted.</returns>
    public int EvaluateBatch(TProfile[] profiles, DateTime asOf, SegmentState[] memberships, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        EvaluateBatch(profiles, AsOfTime.From(asOf), memberships, options, cancellationToken);

    /// <summary>Evaluates many profiles into caller storage on the calling thread as of a <see cref="DateTime"/> (UTC rule of <see cref="AsOfTime.From"/>).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The as-of date and time.</param>
    /// <param name="memberships">Row-major storage of <c>profiles.Length × MembershipIds.Count</c> states.</param>
    /// <returns>The number of profiles that faulted.</returns>
    public int EvaluateBatch(ReadOnlySpan<TProfile> profiles, DateTime asOf, Span<SegmentState> memberships) =>
        EvaluateBatch(profiles, AsOfTime.From(asOf), memberships);
}
