using System.Threading.Channels;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Changes;

namespace CoopGraph.Api.Streaming;

/// <summary>What one committed version changed, as a subscriber sees it.</summary>
public sealed record GraphChanged(long Version, IReadOnlyList<Change> Changes);

/// <summary>
/// The events of a graphChanged subscription: from the version current when it starts, each later version that changed
/// something the viewer sees and the filters keep, read from the change feed as the <see cref="VersionWatcher"/> sees the
/// version move. A filter given keeps only its own: link types keep those links, node kinds those nodes; none keeps all.
/// </summary>
public sealed class GraphChangeStream(
    VersionWatcher watcher, IChangeFeed feed, IGraphStore store, Viewer viewer, IReadOnlySet<LinkType>? types, IReadOnlySet<NodeKind>? kinds)
    : IObservable<GraphChanged>
{
    private const int Page = 1000;

    public IDisposable Subscribe(IObserver<GraphChanged> observer)
    {
        var stop = new CancellationTokenSource();
        var moves = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
        var listening = watcher.Listen((_, to) => moves.Writer.TryWrite(to));
        _ = Task.Run(() => RunAsync(observer, moves.Reader, stop.Token));
        return new Subscription(() =>
        {
            listening.Dispose();
            moves.Writer.TryComplete();
            stop.Cancel();
            stop.Dispose();
        });
    }

    private async Task RunAsync(IObserver<GraphChanged> observer, ChannelReader<long> moves, CancellationToken cancellationToken)
    {
        try
        {
            // Read after listening: a move in between is at or before this version, and skipped.
            var last = await store.GetVersionAsync(cancellationToken);
            await foreach (var to in moves.ReadAllAsync(cancellationToken))
            {
                if (to <= last)
                {
                    continue;
                }
                foreach (var changed in await ReadAsync(last, to, cancellationToken))
                {
                    observer.OnNext(changed);
                }
                last = to;
            }
            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Unsubscribed.
        }
        catch (Exception e)
        {
            observer.OnError(e);
        }
    }

    private async Task<List<GraphChanged>> ReadAsync(long since, long upTo, CancellationToken cancellationToken)
    {
        var kept = new List<Change>();
        long after = 0;
        while (true)
        {
            var page = await feed.ReadChangesAsync(viewer, new ChangeQuery(after, Page, since, upTo, CountAll: false), cancellationToken);
            kept.AddRange(page.Items.Select(i => i.Item).Where(Keeps));
            if (!page.HasNextPage || page.Items.Count == 0)
            {
                break;
            }
            after = page.Items[^1].Item.Seq;
        }
        return kept.GroupBy(c => c.Version).OrderBy(g => g.Key).Select(g => new GraphChanged(g.Key, g.ToList())).ToList();
    }

    private bool Keeps(Change change) =>
        (types is null && kinds is null)
        || (change.LinkType is { } type && types?.Contains(type) == true)
        || (change.NodeKind is { } kind && kinds?.Contains(kind) == true);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
