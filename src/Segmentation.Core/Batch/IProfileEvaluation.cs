using Segmentation.Core.Engine;

namespace Segmentation.Core.Batch;

/// <summary>
/// How a batch worker evaluates one profile with one kind of engine. Implemented by structs, so the chunk loop of
/// <see cref="BatchEvaluator{TProfile, TEvaluation}"/> is compiled for each engine kind and calls it directly: the
/// native engine pays no virtual dispatch per profile.
/// </summary>
internal interface IProfileEvaluation<TProfile>
{
    /// <summary>The engine's membership ids (the width of a membership row).</summary>
    IReadOnlyList<string> MembershipIds { get; }

    /// <summary>Evaluates one profile into a result; a <see langword="null"/> profile or a throwing evaluation gives a faulted result. Never throws but for out-of-memory.</summary>
    SegmentationResult Result(TProfile profile, DateTimeOffset asOf);

    /// <summary>Evaluates one profile into a membership row; <see langword="false"/> when it faulted (a <see langword="null"/> profile or a throwing evaluation faults the whole row). Never throws but for out-of-memory.</summary>
    bool Row(TProfile profile, DateTimeOffset asOf, Span<SegmentState> row);
}
