using System.IO.MemoryMappedFiles;
using Microsoft.Data.Sqlite;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// Tells whether any connection, in this process or another, committed to the file since a given moment, without
/// starting a read transaction. In WAL mode SQLite keeps a header of the log's index in shared memory (the file's
/// <c>-shm</c>), which every commit rewrites before it returns, with a transaction counter that every commit moves
/// (SQLite's documented WAL-index format). Reading its first copy costs a few loads; asking SQLite for the version
/// started a read transaction with its file locks and a size check, system calls that were about a tenth of the CPU
/// of a request that answers from memory (measured).
/// </summary>
/// <remarks>
/// The watch keeps a connection of its own open for as long as it maps the file: SQLite truncates or deletes the shared
/// memory only when no connection holds it, so the mapping always shows the file in use. Where no such file exists (not
/// WAL, or exclusive locking), <see cref="OpenAsync"/> gives null and every version is read from SQLite.
/// </remarks>
internal sealed class CommitWatch : IDisposable
{
    // The WAL-index header is 48 bytes; the first of its two copies is at the start of the file.
    private const int HeaderBytes = 48;

    private readonly SqliteConnection _holder;
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly unsafe ulong* _header;

    // Readers of the header now, and whether the watch was disposed: the last one out unmaps it (see TryNow).
    private int _readers;
    private int _closed;
    private int _released;

    private unsafe CommitWatch(SqliteConnection holder, MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        _holder = holder;
        _file = file;
        _view = view;
        byte* start = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _header = (ulong*)(start + _view.PointerOffset);
    }

    /// <summary>
    /// The header as it is now: equal to an earlier stamp only when nothing was committed in between. False once the
    /// watch is disposed. A commit under way while it is read may show half written; that commit has not returned yet,
    /// so no request can have been told of it, and the next read finds the header changed.
    /// </summary>
    public unsafe bool TryNow(out Stamp stamp)
    {
        // Both sides use full fences: either this reader sees the watch closed, or Dispose sees the reader and leaves
        // the unmapping to it.
        Interlocked.Increment(ref _readers);
        if (Volatile.Read(ref _closed) != 0)
        {
            Leave();
            stamp = default;
            return false;
        }
        stamp = new Stamp(
            Volatile.Read(ref _header[0]), Volatile.Read(ref _header[1]), Volatile.Read(ref _header[2]),
            Volatile.Read(ref _header[3]), Volatile.Read(ref _header[4]), Volatile.Read(ref _header[5]));
        Leave();
        return true;
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _readers) == 0 && Volatile.Read(ref _closed) != 0)
        {
            Release();
        }
    }

    /// <summary>
    /// A watch over the file of <paramref name="holder"/>, which it then owns; null when the file has no WAL index.
    /// </summary>
    public static async Task<CommitWatch?> OpenAsync(SqliteConnection holder, CancellationToken cancellationToken)
    {
        try
        {
            if (await TextAsync(holder, "PRAGMA journal_mode", cancellationToken) != "wal"
                || await TextAsync(holder, "PRAGMA locking_mode", cancellationToken) != "normal")
            {
                holder.Dispose();
                return null;
            }
            // A read makes SQLite open (and, first of all, create) the shared memory, which the holder then keeps.
            await TextAsync(holder, EmbeddedWriteTransaction.VersionSql, cancellationToken);
            var path = holder.DataSource + "-shm";
            var info = new FileInfo(path);
            if (!info.Exists || info.Length < HeaderBytes)
            {
                holder.Dispose();
                return null;
            }
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            return new CommitWatch(holder, file, file.CreateViewAccessor(0, HeaderBytes, MemoryMappedFileAccess.Read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            // Asked from SQLite instead, as before: slower, never wrong.
            holder.Dispose();
            return null;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Constant pragmas and the store's version statement.")]
    private static async Task<string?> TextAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(cancellationToken))?.ToString()?.ToLowerInvariant();
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _closed, 1);
        if (Volatile.Read(ref _readers) == 0)
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
        _holder.Dispose();
    }

    /// <summary>The WAL-index header's first copy, as six words.</summary>
    public readonly record struct Stamp(ulong A, ulong B, ulong C, ulong D, ulong E, ulong F);
}
