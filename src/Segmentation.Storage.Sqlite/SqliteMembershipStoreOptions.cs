namespace Segmentation.Storage.Sqlite;

/// <summary>Options for a <see cref="SqliteMembershipStore"/>.</summary>
public sealed class SqliteMembershipStoreOptions
{
    /// <summary>The Microsoft.Data.Sqlite connection string, such as <c>Data Source=segments.db</c>. Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How long a statement may wait, including for another writer's lock. The default value is 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
