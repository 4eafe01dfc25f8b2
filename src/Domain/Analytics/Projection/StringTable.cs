using System.Text;

namespace CoopGraph.Domain.Analytics.Projection;

/// <summary>
/// Many short strings kept as one UTF-8 buffer and their offsets, decoded on demand: a national projection holds ten
/// million link ids, which as .NET strings would cost several times the memory.
/// </summary>
public sealed class StringTable
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;

    private StringTable(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
    }

    public int Count => _offsets.Length - 1;

    public string this[int index] => Encoding.UTF8.GetString(Bytes(index));

    /// <summary>The position of <paramref name="value"/> among <paramref name="candidates"/>, or -1.</summary>
    public int IndexAmong(string value, ReadOnlySpan<int> candidates)
    {
        var wanted = Encoding.UTF8.GetBytes(value);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (Bytes(candidates[i]).SequenceEqual(wanted))
            {
                return i;
            }
        }
        return -1;
    }

    private ReadOnlySpan<byte> Bytes(int index) => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Appends strings one by one, then freezes them into a table.</summary>
    public sealed class Builder
    {
        private byte[] _bytes = new byte[1024];
        private int _length;
        private readonly List<int> _offsets = [0];

        public int Count => _offsets.Count - 1;

        public void Add(string value)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_length + needed > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + needed));
            }
            _length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
            _offsets.Add(_length);
        }

        public StringTable Build() => new(_bytes.AsSpan(0, _length).ToArray(), [.. _offsets]);
    }
}
