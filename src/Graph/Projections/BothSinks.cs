using CoopGraph.Domain.Model;

namespace CoopGraph.Graph.Projections;

/// <summary>One export handed to two sinks, each item to the first, then to the second: one read of the store for both.</summary>
internal sealed class BothSinks(ITopologySink first, ITopologySink second) : ITopologySink
{
    public void AddNode(Node node)
    {
        first.AddNode(node);
        second.AddNode(node);
    }

    public void AddLink(Link link)
    {
        first.AddLink(link);
        second.AddLink(link);
    }
}
