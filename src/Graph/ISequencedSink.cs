using CoopGraph.Domain.Model;

namespace CoopGraph.Graph;

/// <summary>
/// A sink that also receives each node's and link's seq, the position listings order by and their cursors carry, so
/// that what it builds pages exactly as the store does (the read model). A store hands it every column of every link.
/// </summary>
public interface ISequencedSink : IGraphSink
{
    void AddNode(Node node, long seq);

    void AddLink(Link link, long seq);
}
