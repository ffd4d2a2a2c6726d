using Segmentation.Core.DependencyInjection;
using Segmentation.Core.Tracking;
using Segmentation.Storage.Sqlite;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace by Microsoft.Extensions convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers a <see cref="SqliteMembershipStore"/> as the membership store.</summary>
public static class SqliteMembershipStoreExtensions
{
    /// <summary>
    /// Registers a SQLite membership store as a singleton, and as <see cref="IMembershipStore"/>, <see cref="IMembershipHistory"/>
    /// and <see cref="IBacktestStore"/> (replacing any store registered before).
    /// </summary>
    /// <param name="builder">The segmentation builder.</param>
    /// <param name="path">The database file.</param>
    /// <returns>The builder.</returns>
    public static SegmentationBuilder AddSqliteMembershipStore(this SegmentationBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return builder.AddSqliteMembershipStore(o => o.ConnectionString = $"Data Source={path}");
    }

    /// <summary>Registers a SQLite membership store configured by a callback (see the overload with a path).</summary>
    /// <param name="builder">The segmentation builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static SegmentationBuilder AddSqliteMembershipStore(this SegmentationBuilder builder, Action<SqliteMembershipStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        Segmentation.Storage.StoreRegistration.Add(builder.Services, () =>
        {
            var options = new SqliteMembershipStoreOptions();
            configure(options);
            return new SqliteMembershipStore(options);
        });
        return builder;
    }
}
