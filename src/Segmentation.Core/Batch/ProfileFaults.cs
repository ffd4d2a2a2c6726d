using System.Runtime.CompilerServices;
using Segmentation.Core.Engine;
using Segmentation.Core.Rules;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Batch;

/// <summary>What a batch reports for a profile it could not evaluate, shared by every engine kind.</summary>
internal static class ProfileFaults
{
    /// <summary>The exception a <see langword="null"/> profile is reported with.</summary>
    public static ArgumentNullException NullProfile() => new("profile", "The profile is null.");

    /// <summary>The profile's id, or <see langword="null"/> when there is no accessor or it throws.</summary>
    public static string? SafeId<TProfile>(Func<TProfile, string>? profileId, TProfile profile)
    {
        try
        {
            return profileId?.Invoke(profile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}

/// <summary>
/// Faulted results for an engine other than the native one: every membership and score faulted by the exception, laid
/// out like the native engine's (<see cref="SegmentationResultLayout"/>), with the profile's id when the catalog has an
/// accessor. Built once per rule set and kept as long as the rule set lives.
/// </summary>
internal sealed class ProfileFaults<TProfile>
{
    private static readonly ConditionalWeakTable<RuleSet<TProfile>, ProfileFaults<TProfile>> ByRuleSet = [];
    private readonly SegmentationResultLayout layout;
    private readonly Func<TProfile, string>? profileId;

    private ProfileFaults(RuleSet<TProfile> ruleSet)
    {
        layout = SegmentationResultLayout.For(ruleSet.Definition);
        profileId = ruleSet.Definition.ProfileId is { } id ? ConditionSemantics.CompileLambda(id) : null;
    }

    public static ProfileFaults<TProfile> For(RuleSet<TProfile> ruleSet) => ByRuleSet.GetValue(ruleSet, r => new ProfileFaults<TProfile>(r));

    public string? SafeId(TProfile profile) => ProfileFaults.SafeId(profileId, profile);

    public SegmentationResult Result(string? id, DateTimeOffset asOf, Exception exception)
    {
        var states = new SegmentState[layout.MembershipIds.Count];
        states.AsSpan().Fill(SegmentState.Faulted);
        var choices = new int[layout.GroupIds.Count];
        choices.AsSpan().Fill(-1);
        var faults = layout.MembershipIds.Concat(layout.ScoreIds).Select(segment => new SegmentFault(segment, "profile", exception)).ToArray();
        return layout.Create(id, asOf, states, new decimal?[layout.ScoreIds.Count], choices, faults);
    }
}
