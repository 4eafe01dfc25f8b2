using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// One statement run once per row of a batch: it is prepared once and its parameters are created once, so that a row
/// costs only new values and one step of SQLite (re-adding fourteen named parameters per row cost more than the insert).
/// </summary>
internal sealed class RowStatement : IAsyncDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Callers pass the constant statements of NodeRows and LinkRows.")]
    public RowStatement(SqliteConnection connection, SqliteTransaction transaction, string sql, IReadOnlyList<string> parameterNames)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterNames.Count];
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter(parameterNames[i], DBNull.Value));
        }
        _command.Prepare();
    }

    public object? this[int ordinal]
    {
        set => _parameters[ordinal].Value = value ?? DBNull.Value;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
