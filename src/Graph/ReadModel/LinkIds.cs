using System.Numerics;
using System.Text;

namespace CoopGraph.Graph.ReadModel;

/// <summary>
/// Every link's id, in the links' order, as UTF-8 in one block, with an open-addressing table to find a link by its id.
/// Ten million ids as strings with a dictionary over them took about 75 bytes each and ten million objects; here they
/// take their UTF-8 length and 9 to 15 bytes. The ids come from a store that holds text as UTF-8, so each one is read back
/// as it was written. Immutable; a snapshot rewriting links in place shares it (their ids do not change).
/// </summary>
internal sealed class LinkIds
{
    private readonly byte[] _bytes;
    // Where each id starts in _bytes; one more entry than ids, the last the end.
    private readonly int[] _starts;
    // A power of two of slots, each an id's index plus one, 0 when empty; at most three quarters of them full, where a
    // search by linear probing still looks at two slots or so.
    private readonly int[] _slots;

    private LinkIds(byte[] bytes, int[] starts)
    {
        _bytes = bytes;
        _starts = starts;
        var count = starts.Length - 1;
        _slots = new int[Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)(count + count / 3 + 1)))];
        var mask = _slots.Length - 1;
        for (var i = 0; i < count; i++)
        {
            var slot = Hash(Bytes(i)) & mask;
            while (_slots[slot] != 0)
            {
                if (Bytes(_slots[slot] - 1).SequenceEqual(Bytes(i)))
                {
                    throw new InvalidOperationException($"The export gave link {this[i]} twice.");
                }
                slot = (slot + 1) & mask;
            }
            _slots[slot] = i + 1;
        }
    }

    public int Count => _starts.Length - 1;

    /// <summary>The id of the link at <paramref name="index"/>, as a new string.</summary>
    public string this[int index] => Encoding.UTF8.GetString(Bytes(index));

    /// <summary>The index of the link with this id.</summary>
    public bool TryFind(string id, out int index)
    {
        ArgumentNullException.ThrowIfNull(id);
        var most = Encoding.UTF8.GetMaxByteCount(id.Length);
        Span<byte> utf8 = most <= 512 ? stackalloc byte[most] : new byte[most];
        utf8 = utf8[..Encoding.UTF8.GetBytes(id, utf8)];
        var mask = _slots.Length - 1;
        for (var slot = Hash(utf8) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            if (Bytes(_slots[slot] - 1).SequenceEqual(utf8))
            {
                index = _slots[slot] - 1;
                return true;
            }
        }
        index = -1;
        return false;
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

        public LinkIds Build() => new(_bytes[.._length], [.. _starts]);

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
