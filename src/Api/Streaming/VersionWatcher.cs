using CoopGraph.Graph;

namespace CoopGraph.Api.Streaming;

/// <summary>
/// Watches the store's version (every <see cref="Period"/> while someone listens: one small read) and tells listeners each time it
/// moves, with the versions it moved between. Polling the store, not hooking this process's writes, so that writes of
/// another instance or of an import verb are seen too.
/// </summary>
public sealed class VersionWatcher(IGraphStore store, TimeProvider time, ILogger<VersionWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly List<Action<long, long>> _listeners = [];
    private long _version = -1;

    /// <summary>Calls <paramref name="moved"/> (from, to) at each move of the version, until the result is disposed.</summary>
    public IDisposable Listen(Action<long, long> moved)
    {
        lock (_gate)
        {
            _listeners.Add(moved);
        }
        return new Listening(this, moved);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Action<long, long>[] listeners;
                lock (_gate)
                {
                    listeners = [.. _listeners];
                }
                if (listeners.Length == 0)
                {
                    // Nobody to tell: no read. The next first reading is told to listeners as it is (see below).
                    _version = -1;
                    continue;
                }
                long now;
                try
                {
                    now = await store.GetVersionAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Never fatal: a failed read (the store out of reach, or failing) is tried again at the next tick.
                    logger.LogDebug(e, "Could not read the store's version; watching it again at the next tick");
                    continue;
                }
                var before = _version;
                _version = now;
                // A first reading is told too: a stream that read its own starting version before it is compares it
                // with this one, so a write between the two is not missed.
                if (before < 0 || now != before)
                {
                    foreach (var listener in listeners)
                    {
                        listener(before, now);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private sealed class Listening(VersionWatcher watcher, Action<long, long> moved) : IDisposable
    {
        public void Dispose()
        {
            lock (watcher._gate)
            {
                watcher._listeners.Remove(moved);
            }
        }
    }
}
