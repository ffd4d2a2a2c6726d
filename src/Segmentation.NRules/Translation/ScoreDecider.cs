using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.NRules.Facts;

namespace Segmentation.NRules.Translation;

/// <summary>A score from its terms' outcomes: the sum of the weights of the terms that hold, faulted when any term faulted; its tier follows.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
internal sealed class ScoreDecider<TProfile>(ScoreDefinition score)
{
    public SegmentScore<TProfile> Decide(TProfile profile, IEnumerable<RuleOutcome<TProfile>> outcomes)
    {
        var sum = 0m;
        RuleOutcome<TProfile>? faulted = null;
        foreach (var outcome in outcomes.OrderBy(o => o.Order))
        {
            if (outcome.State == SegmentState.In)
            {
                sum += score.Terms[outcome.Order].Weight;
            }
            else
            {
                faulted ??= outcome;
            }
        }

        if (faulted is not null)
        {
            var fault = faulted.Fault!;
            return new SegmentScore<TProfile>(profile, score.Id, null, null, fault with { SegmentId = score.Id });
        }

        string? tier = null;
        foreach (var t in score.Tiers)
        {
            if (sum >= t.Threshold)
            {
                tier = t.Name;
            }
        }

        return new SegmentScore<TProfile>(profile, score.Id, sum, tier, null);
    }
}
