using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The rows of a batch with their values already in the form SQLite binds (texts as UTF-8, numbers as integers), set
/// by <see cref="NodeRows"/> and <see cref="LinkRows"/> by column ordinal. A batch checked ahead is encoded on the
/// checking thread, so that the writing thread, the import's bottleneck, only hands pointers to SQLite: turning values
/// into bytes was a third of its own work.
/// </summary>
/// <remarks>
/// Texts live in pinned chunks (never moved by the collector), so they are bound without a copy and stay where they
/// are until the batch is written. The column that holds the time of the write is marked, and bound when written.
/// </remarks>
internal sealed class EncodedRows(int columns)
{
    /// <summary>Stands for the time of the write in a column (created_at, updated_at).</summary>
    public static readonly object WriteTime = new();

    private const int ChunkBytes = 256 * 1024;

    private readonly List<byte[]> _chunks = [GC.AllocateUninitializedArray<byte>(ChunkBytes, pinned: true)];
    private Cell[] _cells = new Cell[columns * 256];
    private int _used;

    public int Count { get; private set; }

    /// <summary>Empties the rows, keeping their memory for the next batch.</summary>
    public void Clear()
    {
        Count = 0;
        _used = 0;
        _chunks.RemoveRange(1, _chunks.Count - 1);
    }

    /// <summary>Starts the next row; its values are then set by ordinal.</summary>
    public void Add()
    {
        Count++;
        if (Count * columns > _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }
        _cells.AsSpan((Count - 1) * columns, columns).Clear();
    }

    public object? this[int ordinal]
    {
        set => _cells[(Count - 1) * columns + ordinal] = value switch
        {
            null or DBNull => default,
            string text => Text(text),
            long number => new Cell(CellKind.Integer, number, 0, 0),
            int number => new Cell(CellKind.Integer, number, 0, 0),
            _ when ReferenceEquals(value, WriteTime) => new Cell(CellKind.WriteTime, 0, 0, 0),
            _ => throw new ArgumentException($"A row value cannot be a {value.GetType().Name}.", nameof(value)),
        };
    }

    /// <summary>The value of one cell, for <see cref="RowStatement"/>.</summary>
    public Cell this[int row, int ordinal] => _cells[row * columns + ordinal];

    /// <summary>Where a text cell's bytes start; valid as long as these rows are.</summary>
    public unsafe byte* TextOf(Cell cell) =>
        (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_chunks[(int)cell.Number])) + cell.Offset;

    private Cell Text(string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        var chunk = _chunks[^1];
        if (_used + most > chunk.Length)
        {
            chunk = GC.AllocateUninitializedArray<byte>(Math.Max(ChunkBytes, most), pinned: true);
            _chunks.Add(chunk);
            _used = 0;
        }
        var written = Encoding.UTF8.GetBytes(text, chunk.AsSpan(_used));
        var cell = new Cell(CellKind.Text, _chunks.Count - 1, _used, written);
        _used += written;
        return cell;
    }

    public enum CellKind : byte
    {
        Null,
        Integer,
        Text,
        WriteTime,
    }

    /// <param name="Number">The integer, or for a text the chunk that holds it.</param>
    [StructLayout(LayoutKind.Auto)]
    public readonly record struct Cell(CellKind Kind, long Number, int Offset, int Length);
}
