using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>Builds the typed scanner of a collection plan over the collection's shared compiled accessors.</summary>
internal sealed class ScannerFactory<TProfile>(CollectionPlan plan, LambdaCompiler compiler) : IDatedFactsVisitor<TProfile, CollectionScanner<TProfile>>
{
    public CollectionScanner<TProfile> Visit<TItem>(DatedFacts<TProfile, TItem> facts)
    {
        var filters = plan.Filters.Select(compiler.Compile<Func<TItem, bool>>).ToArray();
        var selectors = plan.Selectors.Select(s => compiler.Compile<TItem, decimal>(s)).ToArray();
        var specs = plan.Specs.ToArray();
        if (compiler.Interpret)
        {
            return new TypedCollectionScanner<TProfile, TItem>(specs, facts, filters, selectors);
        }

        FusedScan<TProfile> Fuse() => FusedScanCompiler.Compile(facts, specs, plan.Filters, plan.Selectors, compiler.CollectibleCode);
        FusedScan<TProfile> FuseTiered() => FusedScanCompiler.Compile(facts, specs, plan.Filters, plan.Selectors, collectible: false);
        var tiered = compiler.CollectibleCode ? FuseTiered : (Func<FusedScan<TProfile>>?)null;
        return compiler.DeferScanCode
            ? new TypedCollectionScanner<TProfile, TItem>(specs, facts, filters, selectors, compileFused: Fuse, compileTiered: tiered)
            : new TypedCollectionScanner<TProfile, TItem>(specs, facts, filters, selectors, Fuse(), compileTiered: tiered);
    }
}
