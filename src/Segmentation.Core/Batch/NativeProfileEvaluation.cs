using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>Evaluates with the native engine through its own members (its pooled frames, its compiled profile id).</summary>
internal readonly struct NativeProfileEvaluation<TProfile>(SegmentEngine<TProfile> engine) : IProfileEvaluation<TProfile>
{
    public IReadOnlyList<string> MembershipIds => engine.MembershipIds;

    public SegmentationResult Result(TProfile profile, DateTimeOffset asOf)
    {
        if (profile is null)
        {
            return engine.FaultedResult(null, asOf, ProfileFaults.NullProfile());
        }

        try
        {
            return engine.Evaluate(profile, asOf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return engine.FaultedResult(ProfileFaults.SafeId(engine.ProfileIdAccessor(), profile), asOf, ex);
        }
    }

    public bool Row(TProfile profile, DateTimeOffset asOf, Span<SegmentState> row) => engine.EvaluateRow(profile, asOf, row);
}
