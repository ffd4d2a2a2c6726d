using System.Data.Common;

namespace Segmentation.Storage;

/// <summary>A SQL statement with its parameter values (<c>@p0</c>, <c>@p1</c>, … in order).</summary>
/// <param name="Sql">The shared SQL.</param>
/// <param name="Values">The values.</param>
internal sealed record Statement(string Sql, params object?[] Values)
{
    /// <summary>
    /// Executes statements in one round trip where the driver batches (one <see cref="DbBatch"/>), otherwise one by one,
    /// reusing one prepared command per distinct SQL text.
    /// </summary>
    /// <param name="dialect">The database.</param>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The transaction.</param>
    /// <param name="statements">The statements.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows each statement affected, in order.</returns>
    public static async ValueTask<int[]> ExecuteAllAsync(RelationalDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<Statement> statements, CancellationToken cancellationToken)
    {
        var affected = new int[statements.Count];
        if (statements.Count == 0)
        {
            return affected;
        }

        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var statement in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = dialect.Sql(statement.Sql);
                for (var i = 0; i < statement.Values.Length; i++)
                {
                    dialect.AddParameter(command, i, statement.Values[i]);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < statements.Count; i++)
            {
                affected[i] = batch.BatchCommands[i].RecordsAffected;
            }

            return affected;
        }

        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            for (var s = 0; s < statements.Count; s++)
            {
                var statement = statements[s];
                if (!commands.TryGetValue(statement.Sql, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = dialect.Sql(statement.Sql);
                    for (var i = 0; i < statement.Values.Length; i++)
                    {
                        dialect.AddParameter(command, i, null);
                    }

                    commands[statement.Sql] = command;
                }

                for (var i = 0; i < statement.Values.Length; i++)
                {
                    command.Parameters[i].Value = statement.Values[i] ?? DBNull.Value;
                }

                affected[s] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        return affected;
    }

    /// <summary>Creates a command for this statement.</summary>
    /// <param name="dialect">The database.</param>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <returns>The command.</returns>
    public DbCommand Command(RelationalDialect dialect, DbConnection connection, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = dialect.Sql(Sql);
        for (var i = 0; i < Values.Length; i++)
        {
            dialect.AddParameter(command, i, Values[i]);
        }

        return command;
    }
}
