namespace CoopGraph.Api.Streaming;

/// <summary>Open streams per key (or per address for anonymous readers), to hold each to its limit.</summary>
public sealed class StreamCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Counts a stream in when fewer than <paramref name="limit"/> are open for <paramref name="holder"/>; dispose to count it out.</summary>
    public IDisposable? TryOpen(string holder, int limit)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(holder);
            if (open >= limit)
            {
                return null;
            }
            _open[holder] = open + 1;
        }
        return new Slot(this, holder);
    }

    public int OpenFor(string holder)
    {
        lock (_gate)
        {
            return _open.GetValueOrDefault(holder);
        }
    }

    private sealed class Slot(StreamCounter counter, string holder) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return;
            }
            lock (counter._gate)
            {
                if (--counter._open[holder] == 0)
                {
                    counter._open.Remove(holder);
                }
            }
        }
    }
}
