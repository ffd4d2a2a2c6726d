using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segmentation.Core.Batch;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;

namespace Segmentation.Core.DependencyInjection;

/// <summary>
/// Registers catalogs, their compiled engines and the services around them (<see cref="BatchRunner{TProfile}"/>,
/// <see cref="MembershipTracker{TProfile}"/>) in a service collection. Options come from the container
/// (<see cref="IOptions{TOptions}"/>): configure them with <see cref="ConfigureEngine"/>, <see cref="ConfigureBatch"/>
/// and <see cref="ConfigureTracking"/>, or any other <c>services.Configure&lt;T&gt;</c> (configuration binding included).
/// Other packages extend the builder through <see cref="Services"/> (membership stores, for example).
/// </summary>
public sealed class SegmentationBuilder
{
    internal SegmentationBuilder(IServiceCollection services)
    {
        Services = services;
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<SegmentEngineOptions>, ContainerClock>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<BatchOptions>, ContainerClock>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<MembershipTrackerOptions>, ContainerClock>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BatchOptions>, BatchOptionsValidation>());
    }

    /// <summary>The service collection, for packages that add their own registrations to the builder.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Configures the options every engine of this container is compiled with. By default the engine uses the
    /// container's <see cref="TimeProvider"/> when one is registered; a callback that sets another wins.
    /// </summary>
    /// <param name="configure">Edits the options.</param>
    /// <returns>This builder.</returns>
    public SegmentationBuilder ConfigureEngine(Action<SegmentEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// Configures the options of the <see cref="BatchRunner{TProfile}"/> instances the container creates; invalid options
    /// fail with an <see cref="OptionsValidationException"/> listing every problem when a runner is resolved.
    /// </summary>
    /// <param name="configure">Edits the options.</param>
    /// <returns>This builder.</returns>
    public SegmentationBuilder ConfigureBatch(Action<BatchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Configures the options of the <see cref="MembershipTracker{TProfile}"/> instances the container creates.</summary>
    /// <param name="configure">Edits the options.</param>
    /// <returns>This builder.</returns>
    public SegmentationBuilder ConfigureTracking(Action<MembershipTrackerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// Registers a catalog type as a singleton, and for its profile type: the engine (compiled once, from every catalog
    /// of that profile type, on first use) as <see cref="ISegmentEngine{TProfile}"/> and <see cref="SegmentEngine{TProfile}"/>,
    /// a transient <see cref="BatchRunner{TProfile}"/> over the registered <see cref="ISegmentEngine{TProfile}"/> (another
    /// backend, such as NRules, when one replaces it) and a transient <see cref="MembershipTracker{TProfile}"/> over the
    /// native engine (which needs an <see cref="IMembershipStore"/> registered), both with their <see cref="ILogger"/> from the container.
    /// </summary>
    /// <typeparam name="TCatalog">The catalog type.</typeparam>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <returns>This builder.</returns>
    public SegmentationBuilder AddCatalog<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCatalog, TProfile>()
        where TCatalog : SegmentCatalog<TProfile>
    {
        Services.TryAddSingleton<TCatalog>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<SegmentCatalog<TProfile>, TCatalog>(sp => sp.GetRequiredService<TCatalog>()));
        return AddEngine<TProfile>();
    }

    /// <summary>Registers a catalog instance (once, however often it is added) and the services of its profile type (see <see cref="AddCatalog{TCatalog, TProfile}()"/>).</summary>
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
            return SegmentEngine.Compile(definition, sp.GetRequiredService<IOptions<SegmentEngineOptions>>().Value);
        });
        Services.TryAddSingleton<ISegmentEngine<TProfile>>(sp => sp.GetRequiredService<SegmentEngine<TProfile>>());
        Services.TryAddTransient(sp => new BatchRunner<TProfile>(
            sp.GetRequiredService<ISegmentEngine<TProfile>>(),
            sp.GetRequiredService<IOptions<BatchOptions>>().Value,
            LoggerFor<BatchRunner<TProfile>>(sp)));
        Services.TryAddTransient(sp => new MembershipTracker<TProfile>(
            sp.GetRequiredService<SegmentEngine<TProfile>>(),
            sp.GetService<IMembershipStore>() ?? throw new InvalidOperationException(
                $"MembershipTracker<{typeof(TProfile).Name}> needs an {nameof(IMembershipStore)}: register one (for example InMemoryMembershipStore) in the container."),
            sp.GetRequiredService<IOptions<MembershipTrackerOptions>>().Value,
            LoggerFor<MembershipTracker<TProfile>>(sp)));
        return this;
    }

    private static ILogger? LoggerFor<T>(IServiceProvider services) => services.GetService<ILoggerFactory>()?.CreateLogger<T>();

    /// <summary>Gives every option type that measures time the container's <see cref="TimeProvider"/>, when one is registered.</summary>
    private sealed class ContainerClock(IServiceProvider services)
        : IConfigureOptions<SegmentEngineOptions>, IConfigureOptions<BatchOptions>, IConfigureOptions<MembershipTrackerOptions>
    {
        private TimeProvider? Clock => services.GetService<TimeProvider>();

        public void Configure(SegmentEngineOptions options)
        {
            options.TimeProvider = Clock ?? options.TimeProvider;
            options.Logger ??= services.GetService<ILoggerFactory>()?.CreateLogger("Segmentation.Core.Engine");
        }

        public void Configure(BatchOptions options) => options.TimeProvider = Clock ?? options.TimeProvider;

        public void Configure(MembershipTrackerOptions options) => options.TimeProvider = Clock ?? options.TimeProvider;
    }

    /// <summary>Validates batch options from the container with the same rules as every other entrance.</summary>
    private sealed class BatchOptionsValidation : IValidateOptions<BatchOptions>
    {
        public ValidateOptionsResult Validate(string? name, BatchOptions options)
        {
            var result = BatchOptionsValidator.Instance.Validate(options);
            return result.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Errors.Select(e => e.ErrorMessage));
        }
    }
}
