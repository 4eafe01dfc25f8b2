namespace CoopGraph.Domain.Model;

/// <summary>Receives a graph as a store exports it: every node first, then every link.</summary>
public interface IGraphSink
{
    void AddNode(Node node);

    void AddLink(Link link);
}

/// <summary>
/// A sink that reads of each link only its id, type, ends and validity dates (a projection): a store may then leave
/// the other fields empty and read faster.
/// </summary>
public interface ITopologySink : IGraphSink;
