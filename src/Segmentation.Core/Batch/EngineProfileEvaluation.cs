using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>
/// Evaluates with any other <see cref="ISegmentEngine{TProfile}"/> (the NRules backend, a decorator) through the
/// interface alone; a profile that cannot be evaluated gets a faulted result laid out from the engine's rule set.
/// </summary>
internal readonly struct EngineProfileEvaluation<TProfile>(ISegmentEngine<TProfile> engine, ProfileFaults<TProfile> faults) : IProfileEvaluation<TProfile>
{
    public IReadOnlyList<string> MembershipIds => engine.MembershipIds;

    public SegmentationResult Result(TProfile profile, DateTimeOffset asOf)
    {
        if (profile is null)
        {
            return faults.Result(null, asOf, ProfileFaults.NullProfile());
        }

        try
        {
            return engine.Evaluate(profile, asOf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return faults.Result(faults.SafeId(profile), asOf, ex);
        }
    }

    public bool Row(TProfile profile, DateTimeOffset asOf, Span<SegmentState> row)
    {
        if (profile is null)
        {
            row.Fill(SegmentState.Faulted);
            return false;
        }

        try
        {
            return engine.Evaluate(profile, asOf, row);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            row.Fill(SegmentState.Faulted);
            return false;
        }
    }
}
