using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Model;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Nodes;

public sealed class NodeInterface : InterfaceGraphType<Node>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Anything with a stable id. Ids are chosen by whoever imports the data (insee:75056, siren:775671356, a slug) and are unique across all kinds.";
        this.ResolvedByPossibleTypes();
        Field<NonNullGraphType<IdGraphType>>("id").Description(NodeFields.Id);
    }
}
