namespace Segmentation.Core.Engine;

/// <summary>Why a segment, group, member or score could not be decided for a profile.</summary>
/// <param name="SegmentId">The faulted segment, group, member or score id.</param>
/// <param name="Condition">The text of the condition that threw.</param>
/// <param name="Exception">The exception the condition threw.</param>
/// <param name="CauseId">
/// When the fault came through a reference (to a segment, group, member or score), the id of the definition whose
/// <paramref name="Condition"/> threw, however many references away; otherwise <see langword="null"/>.
/// </param>
public sealed record SegmentFault(string SegmentId, string Condition, Exception Exception, string? CauseId = null)
{
    /// <summary>Formats the fault for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        CauseId is null
            ? $"{SegmentId}: '{Condition}' threw {Exception.GetType().Name}: {Exception.Message}"
            : $"{SegmentId}: depends on faulted {CauseId} ('{Condition}' threw {Exception.GetType().Name}: {Exception.Message})";
}
