using System.Numerics;
using System.Text;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Every link's id, in the links' order, as UTF-8 in one block, with an open-addressing table to find a link by its id.
/// Ten million ids as strings with a dictionary over them took about 75 bytes each and ten million objects; here they
/// take their UTF-8 length and 9 to 15 bytes. The ids come from a store that holds text as UTF-8, so each one is read back
/// as it was written. Immutable as seen by its readers; a snapshot rewriting links in place shares it (their ids do not
/// change), and one appending links shares its arrays (<see cref="Appended"/>).
/// </summary>
internal sealed class LinkIds
{
    private readonly byte[] _bytes;
    // Where each id starts in _bytes; an entry past the last id, its end. Room may follow, for appended ids.
    private readonly int[] _starts;
    // A power of two of slots, each an id's index plus one, 0 when empty; at most three quarters of them full, where a
    // search by linear probing still looks at two slots or so. Slots of ids past Count belong to a later instance.
    private readonly int[] _slots;
    // Shared by every instance over the same arrays: how many ids the last one to append holds.
    private readonly Tail _tail;

    private LinkIds(byte[] bytes, int[] starts, int[] slots, int count, Tail tail)
    {
        _bytes = bytes;
        _starts = starts;
        _slots = slots;
        Count = count;
        _tail = tail;
    }

    private sealed class Tail(int count)
    {
        public int Count = count;
    }

    private static LinkIds Indexed(byte[] bytes, int[] starts, int count)
    {
        var ids = new LinkIds(bytes, starts, new int[SlotsFor(starts.Length - 1)], count, new Tail(count));
        for (var i = 0; i < count; i++)
        {
            ids.Place(i);
        }
        return ids;
    }

    private static int SlotsFor(int count) => Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)(count + count / 3 + 1)));

    public int Count { get; }

    /// <summary>The id of the link at <paramref name="index"/>, as a new string.</summary>
    public string this[int index] =>
        (uint)index < (uint)Count ? Encoding.UTF8.GetString(Bytes(index)) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The index of the link with this id.</summary>
    public bool TryFind(string id, out int index)
    {
        ArgumentNullException.ThrowIfNull(id);
        var most = Encoding.UTF8.GetMaxByteCount(id.Length);
        Span<byte> utf8 = most <= 512 ? stackalloc byte[most] : new byte[most];
        utf8 = utf8[..Encoding.UTF8.GetBytes(id, utf8)];
        var mask = _slots.Length - 1;
        int entry;
        // Read once: a later instance may be filling an empty slot meanwhile, with an index past this one's ids.
        for (var slot = Hash(utf8) & mask; (entry = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            if (entry <= Count && Bytes(entry - 1).SequenceEqual(utf8))
            {
                index = entry - 1;
                return true;
            }
        }
        index = -1;
        return false;
    }

    /// <summary>
    /// These ids and <paramref name="ids"/> after them. The arrays are shared when this is the last instance over them
    /// and they have room: only the new ids are written, past what any older instance reads, and their slots are empty
    /// ones that older instances skip. Otherwise the arrays are copied with room to spare, so that appending one link at
    /// a time costs what is appended, not the ten million ids before it.
    /// </summary>
    public LinkIds Appended(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return this;
        }
        var count = Count + ids.Count;
        long bytes = _starts[Count];
        foreach (var id in ids)
        {
            bytes += Encoding.UTF8.GetByteCount(id);
        }
        if (bytes > Array.MaxLength)
        {
            throw new InvalidOperationException("The links' ids take more than 2 GB: too many to hold in memory.");
        }
        var fits = bytes <= _bytes.Length && count < _starts.Length && count + count / 3 < _slots.Length;
        // Claimed before anything is written: an older instance asked to append after this one copies.
        var appended = fits && Interlocked.CompareExchange(ref _tail.Count, count, Count) == Count
            ? new LinkIds(_bytes, _starts, _slots, count, _tail)
            : Copied(count, (int)bytes);
        for (var i = 0; i < ids.Count; i++)
        {
            var at = appended._starts[Count + i];
            appended._starts[Count + i + 1] = at + Encoding.UTF8.GetBytes(ids[i], appended._bytes.AsSpan(at));
            appended.Place(Count + i);
        }
        return appended;
    }

    /// <summary>An instance over new arrays with this one's ids and room for <paramref name="count"/> ids and more.</summary>
    private LinkIds Copied(int count, int bytes)
    {
        var room = (int)Math.Min(Array.MaxLength, Math.Max(bytes, _starts[Count] + (long)_starts[Count] / 8));
        var byteCopy = new byte[room];
        _bytes.AsSpan(0, _starts[Count]).CopyTo(byteCopy);
        var starts = new int[Math.Max(count, Count + Count / 8) + 1];
        _starts.AsSpan(0, Count + 1).CopyTo(starts);
        var slotCount = SlotsFor(starts.Length - 1);
        if (slotCount != _slots.Length)
        {
            var grown = new LinkIds(byteCopy, starts, new int[slotCount], count, new Tail(count));
            for (var i = 0; i < Count; i++)
            {
                grown.Place(i);
            }
            return grown;
        }
        // Slots past this instance's ids were filled after all of its own: emptying them breaks none of its probes.
        var slots = (int[])_slots.Clone();
        for (var s = 0; s < slots.Length; s++)
        {
            if (slots[s] > Count)
            {
                slots[s] = 0;
            }
        }
        return new LinkIds(byteCopy, starts, slots, count, new Tail(count));
    }

    /// <summary>Puts the id at <paramref name="index"/> in its slot, refusing one held twice.</summary>
    private void Place(int index)
    {
        var mask = _slots.Length - 1;
        var bytes = Bytes(index);
        var slot = Hash(bytes) & mask;
        while (_slots[slot] is var entry and not 0)
        {
            if (entry <= index && Bytes(entry - 1).SequenceEqual(bytes))
            {
                throw new InvalidOperationException($"The export gave link {Encoding.UTF8.GetString(bytes)} twice.");
            }
            slot = (slot + 1) & mask;
        }
        _slots[slot] = index + 1;
    }

    private ReadOnlySpan<byte> Bytes(int index) => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }

    /// <summary>Takes ids in the links' order, as strings or from another <see cref="LinkIds"/> without decoding them.</summary>
    public sealed class Builder
    {
        private byte[] _bytes = new byte[4096];
        private readonly List<int> _starts = [0];
        private int _length;

        public int Count => _starts.Count - 1;

        public void Add(string id)
        {
            ArgumentNullException.ThrowIfNull(id);
            Reserve(Encoding.UTF8.GetMaxByteCount(id.Length));
            _length += Encoding.UTF8.GetBytes(id, _bytes.AsSpan(_length));
            _starts.Add(_length);
        }

        public void Add(LinkIds ids, int index)
        {
            var bytes = ids.Bytes(index);
            Reserve(bytes.Length);
            bytes.CopyTo(_bytes.AsSpan(_length));
            _length += bytes.Length;
            _starts.Add(_length);
        }

        /// <summary>The ids, with room for a 64th more after them: the first links appended then copy nothing.</summary>
        public LinkIds Build()
        {
            var bytes = new byte[Math.Min(Array.MaxLength, _length + (long)_length / 64 + 1024)];
            _bytes.AsSpan(0, _length).CopyTo(bytes);
            var starts = new int[Count + Count / 64 + 65];
            _starts.CopyTo(starts);
            return Indexed(bytes, starts, Count);
        }

        private void Reserve(int more)
        {
            if (_length + (long)more <= _bytes.Length)
            {
                return;
            }
            var wanted = Math.Max(_length + (long)more, 2L * _bytes.Length);
            if (wanted > Array.MaxLength)
            {
                wanted = _length + (long)more;
            }
            if (wanted > Array.MaxLength)
            {
                throw new InvalidOperationException("The links' ids take more than 2 GB: too many to hold in memory.");
            }
            Array.Resize(ref _bytes, (int)wanted);
        }
    }
}
