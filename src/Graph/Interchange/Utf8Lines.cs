namespace CoopGraph.Graph.Interchange;

/// <summary>
/// Splits a stream of UTF-8 text into lines without turning them into strings: lines end at "\n", "\r\n" or "\r"
/// (as <see cref="TextReader.ReadLine"/> has them), a byte-order mark at the start is skipped, and a line longer than
/// <paramref name="maxLineBytes"/> is never held whole: it is dropped as it streams by and reported as too long, so
/// that an endless line cannot take the memory of the server.
/// </summary>
internal sealed class Utf8Lines(Stream stream, int maxLineBytes)
{
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    private byte[] _buffer = new byte[Math.Min(1024 * 1024, maxLineBytes)];
    private int _start;
    private int _end;
    private bool _ended;
    private bool _atStart = true;
    private bool _dropping;

    /// <summary>Reads more of the stream; false once it has ended and every line was taken.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            (_start, _end) = (0, _end - _start);
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxLineBytes)
            {
                // One line fills the largest buffer allowed: drop what is held and keep dropping up to its end.
                (_end, _dropping) = (0, true);
            }
            else
            {
                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes));
            }
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _ended = read == 0;
        _end += read;
        if (_atStart && _end >= 3 || _ended)
        {
            if (_atStart && _buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
            _atStart = false;
        }
        return true;
    }

    /// <summary>
    /// The next whole line held, without its break; <paramref name="tooLong"/> when it was longer than allowed (the
    /// line is then empty). False when the rest must be read first.
    /// </summary>
    public bool TryTake(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        line = default;
        tooLong = false;
        if (_atStart)
        {
            return false;
        }
        var rest = _buffer.AsSpan(_start, _end - _start);
        var at = rest.IndexOfAny((byte)'\n', (byte)'\r');
        // A '\r' last in the buffer may be the first half of "\r\n": wait for the next byte unless there is none.
        if (at < 0 || rest[at] == '\r' && at == rest.Length - 1 && !_ended)
        {
            if (!_ended || rest.IsEmpty && !_dropping)
            {
                return false;
            }
            // The last line, without a break.
            at = rest.Length;
        }
        var breakLength = at == rest.Length ? 0 : rest[at] == '\r' && at + 1 < rest.Length && rest[at + 1] == '\n' ? 2 : 1;
        _start += at + breakLength;
        if (_dropping)
        {
            (_dropping, tooLong) = (false, true);
            return true;
        }
        line = rest[..at];
        return true;
    }
}
