using CoopGraph.Domain.Model;

namespace CoopGraph.Tests.Shared;

/// <summary>Keeps what it receives, for tests and benchmarks.</summary>
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
