using System.Data.Common;
using System.Globalization;
using Segmentation.Core.Tracking;

namespace Segmentation.Storage;

/// <summary>Schema creation and migration, once per store instance, serialised across connections and processes.</summary>
internal sealed partial class RelationalStore
{
    /// <summary>Migrates the database to a version (tests use it to build an older schema); the latest version by default.</summary>
    /// <param name="target">The version to reach.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version found before migrating.</returns>
    public ValueTask<int> MigrateAsync(int target, CancellationToken cancellationToken) => Guard("migrate the schema", async () =>
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (dialect.SchemaLockStatement is { } schemaLock)
        {
            await Statement.ExecuteAllAsync(dialect, connection, transaction, [new Statement(schemaLock)], cancellationToken).ConfigureAwait(false);
        }

        await Statement.ExecuteAllAsync(dialect, connection, transaction, [new Statement(RelationalSchema.Bootstrap)], cancellationToken).ConfigureAwait(false);
        var found = await ReadSchemaVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (found > RelationalSchema.Latest)
        {
            throw new MembershipStoreException(
                Name,
                "open",
                $"the database has schema version {found}, newer than this library's {RelationalSchema.Latest}: upgrade the library, or use another database");
        }

        for (var version = found + 1; version <= target; version++)
        {
            var statements = RelationalSchema.Migration(version, dialect).Select(sql => new Statement(sql)).ToList();
            statements.Add(new Statement("INSERT INTO seg_schema (version) VALUES (@p0)", (long)version));
            await Statement.ExecuteAllAsync(dialect, connection, transaction, statements, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    });

    private async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (schemaReady)
        {
            return;
        }

        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!schemaReady)
            {
                await MigrateAsync(RelationalSchema.Latest, cancellationToken).ConfigureAwait(false);
                schemaReady = true;
            }
        }
        finally
        {
            schemaGate.Release();
        }
    }

    private static async ValueTask<int> ReadSchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM seg_schema";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}
