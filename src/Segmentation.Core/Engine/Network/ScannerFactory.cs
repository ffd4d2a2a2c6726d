using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Engine.Network;

/// <summary>Builds the typed scanner of a collection plan, binding the item type through the model's visitor.</summary>
internal sealed class ScannerFactory<TProfile>(CollectionPlan plan, LambdaCompiler compiler) : IDatedCollectionVisitor<CollectionScanner<TProfile>>
{
    public CollectionScanner<TProfile> Visit<TP, TItem>(DatedCollectionDefinition<TP, TItem> collection)
    {
        var items = compiler.Compile<Func<TProfile, IEnumerable<TItem>?>>(collection.Items);
        var date = collection.Date;
        var ticksMethod = typeof(DateMath).GetMethod(nameof(DateMath.Ticks), [date.ReturnType])
            ?? throw new InvalidOperationException($"Unsupported date type {date.ReturnType} for collection '{collection.Name}'.");
        var ticks = compiler.Compile<TItem, long>(date, body => Expression.Call(ticksMethod, body));
        var filters = plan.Filters.Select(compiler.Compile<Func<TItem, bool>>).ToArray();
        var selectors = plan.Selectors.Select(s => compiler.Compile<TItem, decimal>(s)).ToArray();
        var specs = plan.Specs.ToArray();
        var fused = compiler.Interpret ? null : FusedScanCompiler.Compile<TProfile, TItem>(collection.Name, specs, collection.Items, date, plan.Filters, plan.Selectors);
        return new TypedCollectionScanner<TProfile, TItem>(collection.Name, specs, items, ticks, filters, selectors, fused);
    }
}
