using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Territories;

public sealed class TerritoryEdgeType() : EdgeType<TerritoryType, Node>("TerritoryEdge");

public sealed class TerritoryConnectionType() : ConnectionType<TerritoryType, TerritoryEdgeType, Node>("TerritoryConnection");

public sealed class TerritoryFilterType : InputObjectGraphType
{
    public TerritoryFilterType()
    {
        Name = "TerritoryFilter";
        Field<StringGraphType>("withinCode").Description("The territory with this code and every territory below it.");
        Field<StringGraphType>("text");
    }
}

public sealed class TerritoryInputType : InputObjectGraphType
{
    public TerritoryInputType()
    {
        Name = "TerritoryInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("code").Description("Unique among territories.");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<TerritoryLevelType>>("level");
        Field<IdGraphType>("parentId").Description("The territory this one lies within.");
        Field<StringGraphType>("description");
        Field<StringGraphType>("source");
    }
}

public static class TerritoryRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<TerritoryConnectionType>>("territories")
            .Description("Territories, filtered and paged.")
            .Argument<TerritoryFilterType>("filter")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var filter = c.InputObject("filter");
                var query = new NodeQuery { Kinds = [NodeKind.Territory], TerritoryCode = filter?.String("withinCode"), Text = filter?.String("text") };
                return await c.Store().ListNodesAsync(query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddNodeUpsert<TerritoryInputType>(mutation, "upsertTerritories", "territories (parents may come earlier in the batch)", InputMappers.Territory);
    }
}
