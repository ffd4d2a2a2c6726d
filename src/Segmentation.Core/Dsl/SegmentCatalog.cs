using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

/// <summary>
/// A catalog of segments over <typeparamref name="TProfile"/>: subclass it and override <see cref="Define"/>, or build one
/// inline with <see cref="SegmentCatalog.Create{TProfile}(Action{ICatalogBuilder{TProfile}}, string?)"/>. A catalog is the unit
/// you register, compile and test.
/// </summary>
/// <typeparam name="TProfile">The user's profile type.</typeparam>
public abstract class SegmentCatalog<TProfile>
{
    private readonly Lazy<CatalogDefinition<TProfile>> definition;

    /// <summary>Initializes the catalog; <see cref="Define"/> runs once, on first use.</summary>
    protected SegmentCatalog() => definition = new(BuildDefinition, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The catalog's name, for messages. The default value is the type name.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>The catalog's definitions (built once; not yet validated — compiling validates).</summary>
    public CatalogDefinition<TProfile> Definition => definition.Value;

    /// <summary>Defines the catalog's segments, groups and scores.</summary>
    /// <param name="s">The catalog builder.</param>
    protected abstract void Define(ICatalogBuilder<TProfile> s);

    private CatalogDefinition<TProfile> BuildDefinition()
    {
        var builder = new CatalogBuilder<TProfile>(Name);
        Define(builder);
        return builder.Build();
    }
}

/// <summary>Creates catalogs inline.</summary>
public static class SegmentCatalog
{
    /// <summary>Creates a catalog from a definition callback.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="define">Defines the segments, groups and scores.</param>
    /// <param name="name">The catalog's name. The default value is <c>catalog</c>.</param>
    /// <returns>The catalog.</returns>
    public static SegmentCatalog<TProfile> Create<TProfile>(Action<ICatalogBuilder<TProfile>> define, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(define);
        return new InlineCatalog<TProfile>(define, name ?? "catalog");
    }

    private sealed class InlineCatalog<TProfile>(Action<ICatalogBuilder<TProfile>> define, string name) : SegmentCatalog<TProfile>
    {
        public override string Name => name;

        protected override void Define(ICatalogBuilder<TProfile> s) => define(s);
    }
}
