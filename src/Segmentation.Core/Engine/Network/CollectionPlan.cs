using System.Linq.Expressions;
using Segmentation.Core.Model;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>Numbers the accumulators and frame buffers of a network as its collections are planned.</summary>
internal sealed class FrameLayout
{
    public int Accumulators { get; private set; }

    public int DayBuffers { get; private set; }

    public int ValueBuffers { get; private set; }

    public int NextAccumulator() => Accumulators++;

    public int NextDayBuffer() => DayBuffers++;

    public int NextValueBuffer() => ValueBuffers++;
}

/// <summary>Collects the accumulators, filters and selectors of one dated collection before its scanner is built.</summary>
internal sealed class CollectionPlan(int index, DatedCollectionDefinition definition, ExpressionEquality lambdas)
{
    private readonly Dictionary<ShareKey, int> accumulators = new(new ShareKeyComparer(lambdas));
    private readonly Dictionary<LambdaExpression, int> filterIndex = new(lambdas!);
    private readonly Dictionary<LambdaExpression, int> selectorIndex = new(lambdas!);

    public int Index { get; } = index;

    public DatedCollectionDefinition Definition { get; } = definition;

    public List<AccumulatorSpec> Specs { get; } = [];

    public List<LambdaExpression> Filters { get; } = [];

    public List<LambdaExpression> Selectors { get; } = [];

    /// <summary>The slot of the accumulator that computes the aggregate, shared with every aggregate of the same window, filter and selector.</summary>
    public int Accumulator(AggregateSource source, FrameLayout layout)
    {
        var definition = AggregateDefinitions.Of(source.Kind);
        var selector = definition.UsesSelector ? source.Selector : null;
        var key = new ShareKey("acc", source.Filter, selector, $"{source.Window.NewestAgo.Ticks}|{source.Window.OldestAgo?.Ticks}");
        if (!accumulators.TryGetValue(key, out var specIndex))
        {
            specIndex = Specs.Count;
            Specs.Add(new AccumulatorSpec(
                layout.NextAccumulator(),
                source.Window.NewestAgo.Ticks,
                source.Window.OldestAgo?.Ticks,
                source.Filter is null ? -1 : IndexOf(filterIndex, Filters, source.Filter),
                selector is null ? -1 : IndexOf(selectorIndex, Selectors, selector)));
            accumulators[key] = specIndex;
        }

        var spec = Specs[specIndex];
        var parts = spec.Parts | definition.Parts;
        spec = spec with
        {
            Parts = parts,
            DayBuffer = (parts & AccumulatorParts.Days) != 0 && spec.DayBuffer < 0 ? layout.NextDayBuffer() : spec.DayBuffer,
            ValueBuffer = (parts & AccumulatorParts.Values) != 0 && spec.ValueBuffer < 0 ? layout.NextValueBuffer() : spec.ValueBuffer,
        };
        Specs[specIndex] = spec;
        return spec.Slot;
    }

    private static int IndexOf(Dictionary<LambdaExpression, int> index, List<LambdaExpression> list, LambdaExpression lambda)
    {
        if (!index.TryGetValue(lambda, out var i))
        {
            i = list.Count;
            list.Add(lambda);
            index[lambda] = i;
        }

        return i;
    }
}
