using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;
using CoopGraph.Graph.ReadModel;

namespace CoopGraph.Graph.Projections;

/// <summary>
/// Collects a <see cref="SearchIndex"/> from the export a projection is built from: every node, in the store's order,
/// the same nodes in the same order as the projection, whose ids it then shares. Links are not read.
/// </summary>
internal sealed class SearchIndexBuilder(ITextTokenizer tokenizer) : ITopologySink
{
    private readonly TextIndexBuilder _text = new(tokenizer);
    private readonly Dictionary<int, string> _privateTo = [];

    public void AddNode(Node node)
    {
        if (node.PrivateTo is { } owner)
        {
            _privateTo[_text.Count] = owner;
        }
        _text.Add(node);
    }

    public void AddLink(Link link)
    {
    }

    /// <summary>The index, sharing the node ids and names of the projection built from the same export.</summary>
    public SearchIndex Build(long version, GraphProjection projection) => new(version, _text.Build(), projection.Ids, projection.Names, _privateTo);
}
