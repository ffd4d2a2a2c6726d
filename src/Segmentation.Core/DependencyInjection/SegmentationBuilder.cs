using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;

namespace Segmentation.Core.DependencyInjection;

/// <summary>Registers catalogs and their compiled engines in a service collection.</summary>
public sealed class SegmentationBuilder
{
    internal SegmentationBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a catalog type as a singleton, and the engine for its profile type (compiled once, from every catalog of
    /// that profile type, on first use) as <see cref="ISegmentEngine{TProfile}"/> and <see cref="SegmentEngine{TProfile}"/>.
    /// </summary>
    /// <typeparam name="TCatalog">The catalog type.</typeparam>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <returns>This builder.</returns>
    public SegmentationBuilder AddCatalog<TCatalog, TProfile>()
        where TCatalog : SegmentCatalog<TProfile>
    {
        Services.TryAddSingleton<TCatalog>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<SegmentCatalog<TProfile>, TCatalog>(sp => sp.GetRequiredService<TCatalog>()));
        return AddEngine<TProfile>();
    }

    /// <summary>Registers a catalog instance (once, however often it is added) and the engine for its profile type.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="catalog">The catalog.</param>
    /// <returns>This builder.</returns>
    public SegmentationBuilder AddCatalog<TProfile>(SegmentCatalog<TProfile> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Services.Any(d => d.ServiceType == typeof(SegmentCatalog<TProfile>) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, catalog)))
        {
            Services.AddSingleton(catalog);
        }

        return AddEngine<TProfile>();
    }

    private SegmentationBuilder AddEngine<TProfile>()
    {
        Services.TryAddSingleton(sp =>
        {
            var catalogs = sp.GetServices<SegmentCatalog<TProfile>>().ToArray();
            if (catalogs.Length == 0)
            {
                throw new InvalidOperationException($"No segment catalog of {typeof(TProfile).Name} is registered.");
            }

            var definition = catalogs.Skip(1).Aggregate(catalogs[0].Definition, (all, next) => all.Merge(next.Definition));
            var options = new SegmentEngineOptions
            {
                TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
                Logger = sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("Segmentation.Core.Engine"),
            };
            return SegmentEngine.Compile(definition, options);
        });
        Services.TryAddSingleton<ISegmentEngine<TProfile>>(sp => sp.GetRequiredService<SegmentEngine<TProfile>>());
        return this;
    }
}
