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

/// <summary>Keeps what it receives, for tests and small tools.</summary>
public sealed class GraphCollector : IGraphSink
{
    public List<Node> Nodes { get; } = [];

    public List<Link> Links { get; } = [];

    public void AddNode(Node node) => Nodes.Add(node);

    public void AddLink(Link link) => Links.Add(link);
}

/// <summary>Keeps what it receives as an <see cref="ITopologySink"/> (links with ids, types, ends and dates only).</summary>
public sealed class TopologyCollector : ITopologySink
{
    public List<Node> Nodes { get; } = [];

    public List<Link> Links { get; } = [];

    public void AddNode(Node node) => Nodes.Add(node);

    public void AddLink(Link link) => Links.Add(link);
}
