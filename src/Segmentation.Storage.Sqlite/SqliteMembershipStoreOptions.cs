namespace Segmentation.Storage.Sqlite;

/// <summary>Options for a <see cref="SqliteMembershipStore"/>.</summary>
public sealed class SqliteMembershipStoreOptions
{
    /// <summary>The Microsoft.Data.Sqlite connection string, such as <c>Data Source=segments.db</c>. Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How long a statement may wait, including for another writer's lock. The default value is 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest size the database file may grow to, in bytes (rounded down to whole pages, SQLite's
    /// <c>max_page_count</c>), or <see langword="null"/> for no limit (the default). A commit that would grow the file past
    /// it fails as on a full disk, keeping nothing of the commit.
    /// </summary>
    public long? MaxSize { get; set; }
}
