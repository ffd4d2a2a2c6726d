using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage;

/// <summary>The one DI registration of a relational membership store, shared by the SQLite and PostgreSQL packages.</summary>
internal static class StoreRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TStore"/> as a singleton (built by <paramref name="create"/>) and as the
    /// container's <see cref="IMembershipStore"/>, <see cref="IMembershipHistory"/> and <see cref="IBacktestStore"/>,
    /// replacing any store registered before.
    /// </summary>
    public static void Add<TStore>(IServiceCollection services, Func<TStore> create)
        where TStore : class, IMembershipStore, IMembershipHistory, IBacktestStore
    {
        services.RemoveAll<IMembershipStore>();
        services.RemoveAll<IMembershipHistory>();
        services.RemoveAll<IBacktestStore>();
        services.TryAddSingleton(_ => create());
        services.AddSingleton<IMembershipStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IMembershipHistory>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IBacktestStore>(sp => sp.GetRequiredService<TStore>());
    }
}
