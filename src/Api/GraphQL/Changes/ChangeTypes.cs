using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Graph.Changes;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Changes;

public sealed class ChangeOpType : EnumerationGraphType<ChangeOp>
{
    public ChangeOpType()
    {
        Name = "ChangeOp";
        Description = "What happened to a node or link.";
        Add("UPSERT", ChangeOp.Upsert, "Created or changed: fetch its current state (node(id:), or /api/changes).");
        Add("DELETE", ChangeOp.Delete, "Deleted, or no longer visible to this caller (it became private to another authority).");
    }
}

public sealed class ChangeType : ObjectGraphType<Change>
{
    public ChangeType()
    {
        Name = "Change";
        Description = "One change of a committed write, as the caller sees it.";
        Field<NonNullGraphType<LongGraphType>>("version").Description("The store version the write committed as.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When the write ran (UTC).").Resolve(c => c.Source.At);
        Field<NonNullGraphType<ChangeOpType>>("op").Description("Written, or gone for this caller.").Resolve(c => c.Source.Op);
        Field<NonNullGraphType<IdGraphType>>("id").Description("The node's or link's id.").Resolve(c => c.Source.Id);
        Field<NodeKindType>("nodeKind").Description("The node's kind; null for a link.").Resolve(c => c.Source.NodeKind);
        Field<LinkTypeType>("linkType").Description("The link's type; null for a node.").Resolve(c => c.Source.LinkType);
    }
}

public sealed class ChangeEdgeType() : EdgeType<ChangeType, Change>("ChangeEdge");

public sealed class ChangeConnectionType() : ConnectionType<ChangeType, ChangeEdgeType, Change>("ChangeConnection");
