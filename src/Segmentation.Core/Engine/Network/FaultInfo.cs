namespace Segmentation.Core.Engine.Network;

internal sealed record FaultInfo(string Condition, Exception Exception, string? CauseId = null)
{
    public FaultInfo Through(string causeId) => CauseId is null ? this with { CauseId = causeId } : this;
}
