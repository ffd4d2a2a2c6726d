using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>Collects the accumulators, filters and selectors of one dated collection before its scanner is built.</summary>
internal sealed class CollectionPlan(int index, DatedCollectionDefinition definition)
{
    private readonly Dictionary<string, int> accumulators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> filterIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> selectorIndex = new(StringComparer.Ordinal);

    public int Index { get; } = index;

    public DatedCollectionDefinition Definition { get; } = definition;

    public List<AccumulatorSpec> Specs { get; } = [];

    public List<LambdaExpression> Filters { get; } = [];

    public List<LambdaExpression> Selectors { get; } = [];

    public int Accumulator(AggregateSource source, ExpressionFingerprint fingerprint, ref int nextSlot, ref int nextDayBuffer)
    {
        var filterKey = fingerprint.Of(source.Filter);
        var selectorKey = source.UsesSelector ? fingerprint.Of(source.Selector) : "-";
        var key = $"{source.Window.NewestAgo.Ticks}|{source.Window.OldestAgo?.Ticks}|{filterKey}|{selectorKey}";
        var tracksDays = source.UsesDays;
        if (accumulators.TryGetValue(key, out var specIndex))
        {
            var existing = Specs[specIndex].Require(source.Kind);
            if (tracksDays && existing.DayBuffer < 0)
            {
                existing = existing with { DayBuffer = nextDayBuffer++ };
            }

            Specs[specIndex] = existing;
            return existing.Slot;
        }

        var filter = source.Filter is null ? -1 : IndexOf(filterIndex, Filters, filterKey, source.Filter);
        var selector = source.UsesSelector && source.Selector is not null ? IndexOf(selectorIndex, Selectors, selectorKey, source.Selector) : -1;
        var spec = new AccumulatorSpec(nextSlot++, source.Window.NewestAgo.Ticks, source.Window.OldestAgo?.Ticks, filter, selector, tracksDays ? nextDayBuffer++ : -1).Require(source.Kind);
        accumulators[key] = Specs.Count;
        Specs.Add(spec);
        return spec.Slot;
    }

    private static int IndexOf(Dictionary<string, int> index, List<LambdaExpression> list, string key, LambdaExpression lambda)
    {
        if (!index.TryGetValue(key, out var i))
        {
            i = list.Count;
            list.Add(lambda);
            index[key] = i;
        }

        return i;
    }
}
