using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Themes;

public sealed class ThemeEdgeType() : EdgeType<ThemeType, Node>("ThemeEdge");

public sealed class ThemeConnectionType() : ConnectionType<ThemeType, ThemeEdgeType, Node>("ThemeConnection");

public sealed class ThemeFilterType : InputObjectGraphType
{
    public ThemeFilterType()
    {
        Name = "ThemeFilter";
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains");
        Field<StringGraphType>("text");
    }
}

public sealed class ThemeInputType : InputObjectGraphType
{
    public ThemeInputType()
    {
        Name = "ThemeInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<PolicyDomainType>>("domain");
        Field<StringGraphType>("description");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<StringGraphType>("source");
    }
}

public static class ThemeRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ThemeConnectionType>>("themes")
            .Description("Themes, filtered and paged.")
            .Argument<ThemeFilterType>("filter")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var filter = c.InputObject("filter");
                var query = new NodeQuery { Kinds = [NodeKind.Theme], Domains = filter?.Enums<PolicyDomain>("domains"), Text = filter?.String("text") };
                return await c.Store().ListNodesAsync(query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddNodeUpsert<ThemeInputType>(mutation, "upsertThemes", "themes", InputMappers.Theme);
    }
}
