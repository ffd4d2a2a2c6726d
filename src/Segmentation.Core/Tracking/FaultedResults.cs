using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tracking;

/// <summary>Builds a fully faulted result for a profile whose evaluation threw before the engine could report per-segment faults.</summary>
internal sealed class FaultedResults
{
    private readonly Slots slots;

    private FaultedResults(IReadOnlyList<SegmentDefinition> segments, IReadOnlyList<GroupDefinition> groups, IReadOnlyList<ScoreDefinition> scores) =>
        slots = new Slots(
            segments.Select(s => s.Id).Concat(groups.Select(g => g.Id)).Concat(groups.SelectMany(g => g.Members.Select(m => m.Id))),
            groups,
            scores);

    public static FaultedResults For<TProfile>(SegmentEngine<TProfile> engine)
    {
        var definition = engine.RuleSet.Definition;
        return new FaultedResults(definition.Segments, definition.Groups, definition.Scores);
    }

    public SegmentationResult Create(string? profileId, DateTimeOffset asOf, Exception exception)
    {
        var faults = slots.MembershipIds.Concat(slots.Scores.Select(s => s.Id))
            .Select(id => new SegmentFault(id, "profile", exception)).ToArray();
        var states = Enumerable.Repeat(SegmentState.Faulted, slots.MembershipIds.Length).ToArray();
        var groupChoice = Enumerable.Repeat(-1, slots.Groups.Length).ToArray();
        var scoreFaulted = Enumerable.Repeat(true, slots.Scores.Length).ToArray();
        return new SegmentationResult(slots, profileId, asOf, states, new decimal[slots.Scores.Length], scoreFaulted, groupChoice, faults);
    }
}
