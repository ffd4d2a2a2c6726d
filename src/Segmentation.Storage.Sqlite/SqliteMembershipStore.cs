using Microsoft.Data.Sqlite;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// A membership store in one SQLite file, the embedded default: memberships with a version per profile, the change
/// history, tracking runs and back-tests. Creates and migrates its schema on first use (the version is recorded in the
/// file); safe for concurrent trackers in one or several processes (writers take the file's write lock in turn; every
/// write is a compare-and-swap, see <see cref="IMembershipStore"/>).
/// </summary>
public sealed partial class SqliteMembershipStore : IDisposable
{
    private readonly RelationalStore store;
    private readonly SqliteDialect dialect;

    /// <summary>Creates a store on a file (created when missing).</summary>
    /// <param name="path">The database file.</param>
    public SqliteMembershipStore(string path)
        : this(new SqliteMembershipStoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = path ?? throw new ArgumentNullException(nameof(path)) }.ToString() })
    {
    }

    /// <summary>Creates a store.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">The connection string is empty, the timeout is not positive, or the maximum size is not positive.</exception>
    public SqliteMembershipStore(SqliteMembershipStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("SqliteMembershipStoreOptions.ConnectionString is required.", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("SqliteMembershipStoreOptions.Timeout must be positive.", nameof(options));
        }

        if (options.MaxSize <= 0)
        {
            throw new ArgumentException("SqliteMembershipStoreOptions.MaxSize must be positive.", nameof(options));
        }

        dialect = new SqliteDialect(options.ConnectionString, options.Timeout, options.MaxSize);
        store = new RelationalStore(dialect);
    }

    /// <summary>Closes the pooled connections to the file, so that it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(dialect.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
