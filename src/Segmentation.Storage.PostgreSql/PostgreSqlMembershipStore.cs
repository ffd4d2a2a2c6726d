using Segmentation.Core.Tracking;

namespace Segmentation.Storage.PostgreSql;

/// <summary>
/// A membership store in a PostgreSQL database, for several app instances sharing one state: memberships with a version
/// per profile, the change history, tracking runs and back-tests. Creates and migrates its schema on first use (the
/// version is recorded in the database; concurrent first uses are serialised by an advisory lock). Every write is a
/// compare-and-swap (see <see cref="IMembershipStore"/>); a batch's statements travel in one round trip.
/// </summary>
public sealed partial class PostgreSqlMembershipStore : IAsyncDisposable, IDisposable
{
    private readonly RelationalStore store;
    private readonly PostgreSqlDialect dialect;

    /// <summary>Creates a store.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    public PostgreSqlMembershipStore(string connectionString)
        : this(new PostgreSqlMembershipStoreOptions { ConnectionString = connectionString ?? throw new ArgumentNullException(nameof(connectionString)) })
    {
    }

    /// <summary>Creates a store.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">The connection string is empty, or the timeout is not positive.</exception>
    public PostgreSqlMembershipStore(PostgreSqlMembershipStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("PostgreSqlMembershipStoreOptions.ConnectionString is required.", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("PostgreSqlMembershipStoreOptions.Timeout must be positive.", nameof(options));
        }

        dialect = new PostgreSqlDialect(options.ConnectionString, options.Timeout);
        store = new RelationalStore(dialect);
    }

    /// <summary>Closes the pooled connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => dialect.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
