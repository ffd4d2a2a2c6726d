using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Properties;

namespace Segmentation.NRules.Tests.Properties;

/// <summary>Compares any engine with the reference interpreter, or two engines with each other, through both APIs, faults included.</summary>
internal static class BackendDifferential
{
    public static void AgreesWithReference(ISegmentEngine<PropProfile> engine, ReferenceInterpreter<PropProfile> reference, PropProfile profile, DateTimeOffset asOf)
    {
        var expected = reference.Evaluate(profile, asOf);
        var actual = engine.Evaluate(profile, asOf);
        var problems = new List<string>();
        problems.AddRange(Differential.ResultProblems(actual, expected));

        Throw(problems, $"NRules engine disagrees with the reference for {profile.Id} as of {asOf:O}");
    }

    public static void AgreesWithNative(ISegmentEngine<PropProfile> engine, ISegmentEngine<PropProfile> native, PropProfile profile, DateTimeOffset asOf)
    {
        var expected = native.Evaluate(profile, asOf);
        var actual = engine.Evaluate(profile, asOf);
        var problems = new List<string>();
        if (!engine.MembershipIds.SequenceEqual(native.MembershipIds) || !engine.ScoreIds.SequenceEqual(native.ScoreIds))
        {
            problems.Add("membership or score ids differ");
        }

        if (actual.ToString() != expected.ToString())
        {
            problems.Add($"result: engine {actual}, native {expected}");
        }

        foreach (var id in native.MembershipIds.Where(id => actual.StateOf(id) != expected.StateOf(id)))
        {
            problems.Add($"{id}: engine {actual.StateOf(id)}, native {expected.StateOf(id)}");
        }

        foreach (var group in native.RuleSet.Definition.Groups.Where(g => actual.MemberOf(g.Id) != expected.MemberOf(g.Id)))
        {
            problems.Add($"group {group.Id}: engine {actual.MemberOf(group.Id)}, native {expected.MemberOf(group.Id)}");
        }

        foreach (var score in native.ScoreIds.Where(s => actual.Score(s) != expected.Score(s) || actual.Tier(s) != expected.Tier(s)))
        {
            problems.Add($"score {score}: engine {actual.Score(score)}, native {expected.Score(score)}");
        }

        if (!actual.Faults.Select(f => f.SegmentId).SequenceEqual(expected.Faults.Select(f => f.SegmentId)))
        {
            problems.Add($"faults: engine [{string.Join(", ", actual.Faults.Select(f => f.SegmentId))}], native [{string.Join(", ", expected.Faults.Select(f => f.SegmentId))}]");
        }

        var memberships = new SegmentState[engine.MembershipIds.Count];
        var scores = new decimal[engine.ScoreIds.Count];
        var ok = engine.Evaluate(profile, asOf, memberships, scores);
        var nativeMemberships = new SegmentState[native.MembershipIds.Count];
        var nativeScores = new decimal[native.ScoreIds.Count];
        var nativeOk = native.Evaluate(profile, asOf, nativeMemberships, nativeScores);
        if (ok != nativeOk || !memberships.SequenceEqual(nativeMemberships) || !scores.SequenceEqual(nativeScores))
        {
            problems.Add($"buffer API: engine ok={ok} [{string.Join(",", memberships)}] [{string.Join(",", scores)}], native ok={nativeOk} [{string.Join(",", nativeMemberships)}] [{string.Join(",", nativeScores)}]");
        }

        Throw(problems, $"NRules engine disagrees with the native engine for {profile.Id} as of {asOf:O}");
    }

    private static void Throw(List<string> problems, string title)
    {
        if (problems.Count > 0)
        {
            throw new PropertyMismatchException($"{title}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }
}
