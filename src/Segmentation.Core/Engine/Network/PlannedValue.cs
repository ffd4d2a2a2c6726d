using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>An aggregate value node that a collection's fused scan fills in directly.</summary>
internal sealed record PlannedValue(int Index, AggregateKind Kind, int Slot);
