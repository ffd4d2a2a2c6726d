using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>Generated code's reads of an aggregate's final value from its accumulator slot, through its definition.</summary>
internal static class AggregateReads
{
    public static long Whole(Accumulator[] accumulators, int slot, AggregateDefinition definition) =>
        definition.Whole!(in accumulators[slot]);

    public static decimal? Value(Accumulator[] accumulators, int slot, AggregateDefinition definition, long asOfTicks) =>
        definition.Value(in accumulators[slot], asOfTicks);
}
