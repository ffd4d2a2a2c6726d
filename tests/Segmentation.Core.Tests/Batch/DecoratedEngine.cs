using Segmentation.Core.Engine;
using Segmentation.Core.Rules;

namespace Segmentation.Core.Tests.Batch;

/// <summary>An engine the batch pipeline does not know (as a user's decorator would be): every member delegates to another engine.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class DecoratedEngine<TProfile>(ISegmentEngine<TProfile> inner) : ISegmentEngine<TProfile>
{
    /// <inheritdoc />
    public RuleSet<TProfile> RuleSet => inner.RuleSet;

    /// <inheritdoc />
    public IReadOnlyList<string> MembershipIds => inner.MembershipIds;

    /// <inheritdoc />
    public IReadOnlyList<string> ScoreIds => inner.ScoreIds;

    /// <inheritdoc />
    public int IndexOf(string segmentId) => inner.IndexOf(segmentId);

    /// <inheritdoc />
    public SegmentationResult Evaluate(TProfile profile) => inner.Evaluate(profile);

    /// <inheritdoc />
    public SegmentationResult Evaluate(TProfile profile, DateTimeOffset asOf) => inner.Evaluate(profile, asOf);

    /// <inheritdoc />
    public bool Evaluate(TProfile profile, DateTimeOffset asOf, Span<SegmentState> memberships, Span<decimal> scores = default) => inner.Evaluate(profile, asOf, memberships, scores);

    /// <inheritdoc />
    public Explanation Explain(TProfile profile, string segmentId) => inner.Explain(profile, segmentId);

    /// <inheritdoc />
    public Explanation Explain(TProfile profile, string segmentId, DateTimeOffset asOf) => inner.Explain(profile, segmentId, asOf);
}
