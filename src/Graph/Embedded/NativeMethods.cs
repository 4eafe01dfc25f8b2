using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The few SQLite calls a bulk write makes per column, and the version read that starts every request, straight into
/// the bundled e_sqlite3 library on the raw statement pointer. Going through SQLitePCL costs a SafeHandle reference
/// count and an interface call per value; at fourteen values a link that was more than SQLite's own work for the
/// insert. Binding and column calls are short and never block, so they skip the GC transition; stepping does I/O and
/// keeps it.
/// </summary>
internal static partial class NativeMethods
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_STATIC: the text stays where it is until the statement has run.</summary>
    public static readonly IntPtr Static = IntPtr.Zero;

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static unsafe partial int BindText(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindInt64(IntPtr statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindNull(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Reset(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial long ColumnInt64(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_changes")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Changes(IntPtr database);

    /// <summary>Sets the function SQLite calls after each commit into the write-ahead log (in place of its own checkpointing).</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_wal_hook")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static unsafe partial IntPtr WalHook(IntPtr database, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, byte*, int, int> hook, IntPtr state);
}
