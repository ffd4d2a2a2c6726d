using Segmentation.Core.DependencyInjection;
using Segmentation.Core.Tracking;
using Segmentation.Storage.PostgreSql;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace by Microsoft.Extensions convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers a <see cref="PostgreSqlMembershipStore"/> as the membership store.</summary>
public static class PostgreSqlMembershipStoreExtensions
{
    /// <summary>
    /// Registers a PostgreSQL membership store as a singleton, and as <see cref="IMembershipStore"/>, <see cref="IMembershipHistory"/>
    /// and <see cref="IBacktestStore"/> (replacing any store registered before).
    /// </summary>
    /// <param name="builder">The segmentation builder.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <returns>The builder.</returns>
    public static SegmentationBuilder AddPostgreSqlMembershipStore(this SegmentationBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return builder.AddPostgreSqlMembershipStore(o => o.ConnectionString = connectionString);
    }

    /// <summary>Registers a PostgreSQL membership store configured by a callback (see the overload with a connection string).</summary>
    /// <param name="builder">The segmentation builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static SegmentationBuilder AddPostgreSqlMembershipStore(this SegmentationBuilder builder, Action<PostgreSqlMembershipStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        Segmentation.Storage.StoreRegistration.Add(builder.Services, () =>
        {
            var options = new PostgreSqlMembershipStoreOptions();
            configure(options);
            return new PostgreSqlMembershipStore(options);
        });
        return builder;
    }
}
