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
        Description = "Filters of a territory listing.";
        Field<StringGraphType>("withinCode").Description("The territory with this code and every territory below it.");
        Field<StringGraphType>("text").Description("Only territories whose name holds these words.");
    }
}

public sealed class TerritoryInputType : InputObjectGraphType
{
    public TerritoryInputType()
    {
        Name = "TerritoryInput";
        Description = "A territory to create or replace. parentId, when given, places it in the territorial tree.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The territory's id (insee:69123, a slug).");
        Field<NonNullGraphType<StringGraphType>>("code").Description("Unique among territories.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.");
        Field<NonNullGraphType<TerritoryLevelType>>("level").Description("Its level in the territorial tree.");
        Field<IdGraphType>("parentId").Description("The territory this one lies within.");
        Field<StringGraphType>("description").Description("A few words about it.");
        Field<StringGraphType>("source").Description("Where the territory comes from (a dataset, a partner tool).");
    }
}

public static class TerritoryRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<TerritoryConnectionType>>("territories")
            .Description("Territories, filtered and paged.")
            .Argument<TerritoryFilterType>("filter", "Which territories; none: all of them.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var filter = c.InputObject("filter");
                var query = new NodeQuery { Kinds = [NodeKind.Territory], TerritoryCode = filter?.String("withinCode"), Text = filter?.String("text") };
                return await (await c.ReaderAsync()).ListNodesAsync(c.Viewer(), query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddNodeUpsert<TerritoryInputType>(mutation, "upsertTerritories", "territories (parents may come earlier in the batch)", InputMappers.Territory);
    }
}
