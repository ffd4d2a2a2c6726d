namespace Segmentation.Storage.PostgreSql;

/// <summary>Options for a <see cref="PostgreSqlMembershipStore"/>.</summary>
public sealed class PostgreSqlMembershipStoreOptions
{
    /// <summary>The Npgsql connection string, such as <c>Host=db;Database=segments;Username=app;Password=…</c>. Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How long connecting, and each statement, may take. The default value is 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
