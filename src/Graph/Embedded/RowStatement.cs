using System.Text;
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
    private readonly object?[] _values;

    // A row's texts are encoded one after the other into this pinned buffer and bound without a copy (SQLITE_STATIC):
    // it is not touched again until the row has run. A text that does not fit is bound as a copy instead.
    private readonly byte[] _texts = GC.AllocateUninitializedArray<byte>(64 * 1024, pinned: true);
    private int _used;

    public RowStatement(SqliteConnection connection, string sql, IReadOnlyList<string> parameterNames)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        _dbHandle = _db.DangerousGetHandle();
        _handle = _statement.DangerousGetHandle();
        _indexes = new int[parameterNames.Count];
        for (var i = 0; i < _indexes.Length; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameterNames[i]);
            if (_indexes[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The statement has no parameter {parameterNames[i]}.", nameof(parameterNames));
            }
        }
        _values = new object?[_indexes.Length];
    }

    public object? this[int ordinal]
    {
        set => _values[ordinal] = value;
    }

    /// <summary>Binds the values set, runs the statement, and returns the number of rows it changed.</summary>
    public int Execute(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _used = 0;
        for (var i = 0; i < _indexes.Length; i++)
        {
            Check(Bind(_indexes[i], _values[i]));
        }
        var rc = NativeMethods.Step(_handle);
        NativeMethods.Reset(_handle);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        return NativeMethods.Changes(_dbHandle);
    }

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => NativeMethods.BindNull(_handle, index),
        string text => BindText(index, text),
        long number => NativeMethods.BindInt64(_handle, index, number),
        int number => NativeMethods.BindInt64(_handle, index, number),
        double number => NativeMethods.BindDouble(_handle, index, number),
        bool flag => NativeMethods.BindInt64(_handle, index, flag ? 1 : 0),
        _ => throw new ArgumentException($"A row value cannot be a {value.GetType().Name}.", nameof(value)),
    };

    private unsafe int BindText(int index, string text)
    {
        var free = _texts.AsSpan(_used);
        if (Encoding.UTF8.TryGetBytes(text, free, out var written))
        {
            fixed (byte* start = free)
            {
                _used += written;
                return NativeMethods.BindText(_handle, index, start, written, NativeMethods.Static);
            }
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* start = bytes)
        {
            return NativeMethods.BindText(_handle, index, start, bytes.Length, NativeMethods.Transient);
        }
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
