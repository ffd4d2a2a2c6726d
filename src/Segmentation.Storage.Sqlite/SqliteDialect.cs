using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Segmentation.Storage.Sqlite;

/// <summary>SQLite: one file, write-ahead log, writers serialised by <c>BEGIN IMMEDIATE</c>.</summary>
internal sealed class SqliteDialect : RelationalDialect
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;
    private const long UnlimitedPages = 4_294_967_294;

    private readonly string connectionString;
    private readonly int timeoutSeconds;
    private readonly long? maxSize;

    public SqliteDialect(string connectionString, TimeSpan timeout, long? maxSize = null)
    {
        this.maxSize = maxSize;
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds) };
        this.connectionString = builder.ToString();
        timeoutSeconds = builder.DefaultTimeout;
        StoreName = $"SQLite membership store '{Path.GetFileName(builder.DataSource)}'";
    }

    public override string StoreName { get; }

    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string? SchemaLockStatement => null;

    public string ConnectionString => connectionString;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();

            // max_page_count holds for one connection, and pooled connections are shared by every store on the same
            // connection string, so each open sets it: SQLite's own largest page count, or this store's cap.
            pragmas.CommandText = $"PRAGMA busy_timeout = {timeoutSeconds * 1000}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA max_page_count = {UnlimitedPages};";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (maxSize is { } bytes)
            {
                pragmas.CommandText = "PRAGMA page_size";
                var pageSize = Convert.ToInt64(await pragmas.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                pragmas.CommandText = $"PRAGMA max_page_count = {Math.Max(1, bytes / pageSize)}";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);

    public override void AddParameter(DbCommand command, int index, object? value) =>
        ((SqliteCommand)command).Parameters.AddWithValue($"@p{index}", value ?? DBNull.Value);

    public override void AddParameter(DbBatchCommand command, int index, object? value) =>
        throw new NotSupportedException("Microsoft.Data.Sqlite does not batch commands; statements run one by one.");

    public override string Describe(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: Full } => "the disk or the database file is full",
        SqliteException { SqliteErrorCode: Busy or Locked } => "the database stayed locked by another writer past the timeout",
        SqliteException { SqliteErrorCode: CantOpen } e => $"the database file cannot be opened ({e.Message})",
        SqliteException { SqliteErrorCode: NotADatabase } => "the file is not a SQLite database",
        SqliteException { SqliteErrorCode: ReadOnly } => "the database file is read-only",
        SqliteException { SqliteErrorCode: IoError } e => $"an I/O error occurred ({e.Message})",
        _ => error.Message,
    };
}
