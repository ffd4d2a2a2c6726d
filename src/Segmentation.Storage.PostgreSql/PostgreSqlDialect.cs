using System.Data.Common;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Segmentation.Storage.PostgreSql;

/// <summary>PostgreSQL: pooled connections, statements batched in one round trip, schema migrations serialised by an advisory lock.</summary>
internal sealed partial class PostgreSqlDialect : RelationalDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;

    public PostgreSqlDialect(string connectionString, TimeSpan timeout)
    {
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = seconds, Timeout = Math.Min(seconds, 1024) };
        dataSource = NpgsqlDataSource.Create(builder);
        StoreName = $"PostgreSQL membership store '{builder.Host}:{builder.Port}/{builder.Database}'";
    }

    public override string StoreName { get; }

    public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string? SchemaLockStatement => "SELECT pg_advisory_xact_lock(160016001600)";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override string Sql(string sql) => Placeholder().Replace(sql, m => "$" + (int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) + 1));

    public override void AddParameter(DbCommand command, int index, object? value) =>
        ((NpgsqlCommand)command).Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });

    public override void AddParameter(DbBatchCommand command, int index, object? value) =>
        ((NpgsqlBatchCommand)command).Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });

    public override string Describe(Exception error) => error switch
    {
        PostgresException { SqlState: "53100" } => "the server's disk is full",
        PostgresException { SqlState: "57014" } => "the statement timed out",
        PostgresException { SqlState: "3D000" } e => $"the database does not exist ({e.MessageText})",
        PostgresException { SqlState: "28P01" or "28000" } e => $"the server refused the credentials ({e.MessageText})",
        PostgresException { SqlState: "53300" } => "the server has too many connections",
        PostgresException e => $"{e.MessageText} (SQLSTATE {e.SqlState})",
        NpgsqlException { InnerException: SocketException s } => $"the server is unreachable ({s.Message})",
        NpgsqlException { InnerException: TimeoutException } or TimeoutException => "the operation timed out",
        _ => error.Message,
    };

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    [GeneratedRegex(@"@p(\d+)")]
    private static partial Regex Placeholder();
}
