using System.Collections.Concurrent;
using CoopGraph.Domain.Model;

namespace CoopGraph.Domain.Analytics.Projection;

/// <summary>
/// Hands what a store exports to another sink on a thread of its own, in blocks, so that reading rows (the store's
/// thread) and indexing them (this one) use two cores, the two taking about as long as each other.
/// Call <see cref="Complete"/> once the export is over; it waits until the inner sink has everything.
/// </summary>
public sealed class PipelinedSink : ITopologySink, IDisposable
{
    private const int BlockSize = 8192;
    // An ITopologySink only: this sink tells the store that topology is enough, so its inner sink must mean it too.
    private readonly ITopologySink _inner;
    private readonly BlockingCollection<(Node[]? Nodes, Link[]? Links, int Count)> _blocks = new(boundedCapacity: 8);
    private readonly Thread _consumer;
    private Node[] _nodes = new Node[BlockSize];
    private Link[] _links = new Link[BlockSize];
    private int _nodeCount;
    private int _linkCount;
    private Exception? _failure;

    public PipelinedSink(ITopologySink inner)
    {
        _inner = inner;
        _consumer = new Thread(Consume) { IsBackground = true, Name = "projection-builder" };
        _consumer.Start();
    }

    public void AddNode(Node node)
    {
        _nodes[_nodeCount++] = node;
        if (_nodeCount == BlockSize)
        {
            FlushNodes();
        }
    }

    public void AddLink(Link link)
    {
        // Nodes come first in an export: the last of them go before the first link.
        if (_nodeCount > 0)
        {
            FlushNodes();
        }
        _links[_linkCount++] = link;
        if (_linkCount == BlockSize)
        {
            FlushLinks();
        }
    }

    /// <summary>Sends what is left and waits for the inner sink to have received everything; rethrows its failure.</summary>
    public void Complete()
    {
        FlushNodes();
        FlushLinks();
        _blocks.CompleteAdding();
        _consumer.Join();
        if (_failure is not null)
        {
            throw new InvalidOperationException("The projection could not be built from the export.", _failure);
        }
    }

    /// <summary>Stops the builder thread, also when the export failed before <see cref="Complete"/>.</summary>
    public void Dispose()
    {
        if (!_blocks.IsAddingCompleted)
        {
            _blocks.CompleteAdding();
        }
        _consumer.Join();
        _blocks.Dispose();
    }

    private void FlushNodes()
    {
        if (_nodeCount > 0)
        {
            Post((_nodes, null, _nodeCount));
            _nodes = new Node[BlockSize];
            _nodeCount = 0;
        }
    }

    private void FlushLinks()
    {
        if (_linkCount > 0)
        {
            Post((null, _links, _linkCount));
            _links = new Link[BlockSize];
            _linkCount = 0;
        }
    }

    private void Post((Node[]?, Link[]?, int) block)
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException("The projection could not be built from the export.", _failure);
        }
        _blocks.Add(block);
    }

    private void Consume()
    {
        try
        {
            foreach (var (nodes, links, count) in _blocks.GetConsumingEnumerable())
            {
                for (var i = 0; i < count; i++)
                {
                    if (nodes is not null)
                    {
                        _inner.AddNode(nodes[i]);
                    }
                    else
                    {
                        _inner.AddLink(links![i]);
                    }
                }
            }
        }
        catch (Exception e)
        {
            // Kept for Complete (and the next Post) to rethrow on the exporting thread; the rest is drained unread.
            _failure = e;
            foreach (var _ in _blocks.GetConsumingEnumerable())
            {
            }
        }
    }
}
