using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// One statement run once per row of a batch, beneath Microsoft.Data.Sqlite: prepared once, its parameters looked up
/// once, then bound by position straight into SQLite (<see cref="NativeMethods"/>). Microsoft.Data.Sqlite looks every
/// parameter up by name at every execution, and SQLitePCL adds a handle reference count per value; for an insert both
/// cost more than SQLite's own work. It runs on the connection's current transaction, like any statement of that
/// connection.
/// </summary>
internal sealed class RowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _dbHandle;
    private readonly IntPtr _handle;
    private readonly int[] _indexes;
    private readonly int[] _ordinals;

    /// <param name="ordinals">The column of the rows each parameter takes its value from; by default the parameter's own position.</param>
    public RowStatement(SqliteConnection connection, string sql, IReadOnlyList<string> parameterNames, IReadOnlyList<int>? ordinals = null)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        _dbHandle = _db.DangerousGetHandle();
        _handle = _statement.DangerousGetHandle();
        try
        {
            _indexes = [.. parameterNames.Select(Index)];
            _ordinals = ordinals is null ? [.. Enumerable.Range(0, parameterNames.Count)] : [.. ordinals];
            if (_ordinals.Length != _indexes.Length)
            {
                throw new ArgumentException("Every parameter needs its column.", nameof(ordinals));
            }
        }
        catch (ArgumentException)
        {
            _statement.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Binds one row of <paramref name="rows"/> (texts without a copy: they stay put until the row has run), with
    /// <paramref name="writeTime"/> (UTF-8) where the rows hold its place, runs the statement, and returns the number of
    /// rows it changed.
    /// </summary>
    public unsafe int Execute(EncodedRows rows, int row, ReadOnlySpan<byte> writeTime, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        fixed (byte* time = writeTime)
        {
            for (var i = 0; i < _indexes.Length; i++)
            {
                var cell = rows[row, _ordinals[i]];
                Check(cell.Kind switch
                {
                    EncodedRows.CellKind.Null => NativeMethods.BindNull(_handle, _indexes[i]),
                    EncodedRows.CellKind.Integer => NativeMethods.BindInt64(_handle, _indexes[i], cell.Number),
                    EncodedRows.CellKind.Text => NativeMethods.BindText(_handle, _indexes[i], rows.TextOf(cell), cell.Length, NativeMethods.Static),
                    _ => NativeMethods.BindText(_handle, _indexes[i], time, writeTime.Length, NativeMethods.Static),
                });
            }
            var rc = NativeMethods.Step(_handle);
            NativeMethods.Reset(_handle);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        return NativeMethods.Changes(_dbHandle);
    }

    /// <summary>Binds a value that stays the same for every row (a parameter <see cref="Execute"/> does not bind).</summary>
    public void BindOnce(string parameterName, long value) =>
        Check(raw.sqlite3_bind_int64(_statement, Index(parameterName), value));

    /// <inheritdoc cref="BindOnce(string, long)"/>
    public void BindOnce(string parameterName, string value) =>
        Check(raw.sqlite3_bind_text(_statement, Index(parameterName), value));

    private int Index(string parameterName)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, parameterName);
        return index != 0 ? index : throw new ArgumentException($"The statement has no parameter {parameterName}.", nameof(parameterName));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _statement.Dispose();
}
