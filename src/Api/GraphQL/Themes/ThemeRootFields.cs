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
        Description = "Filters of a theme listing; fields given together intersect.";
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains").Description("Only themes of one of these domains.");
        Field<StringGraphType>("text").Description("Only themes whose name or description holds these words.");
    }
}

public sealed class ThemeInputType : InputObjectGraphType
{
    public ThemeInputType()
    {
        Name = "ThemeInput";
        Description = "A theme to create or replace.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The theme's id (a slug).");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.");
        Field<NonNullGraphType<PolicyDomainType>>("domain").Description("The domain it belongs to.");
        Field<StringGraphType>("description").Description("What it covers, in a few sentences.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Free labels, for search and filters.");
        Field<StringGraphType>("source").Description("Where the theme comes from (a dataset, a partner tool).");
    }
}

public static class ThemeRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ThemeConnectionType>>("themes")
            .Description("Themes, filtered and paged.")
            .Argument<ThemeFilterType>("filter", "Which themes; none: all of them.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var filter = c.InputObject("filter");
                var query = new NodeQuery { Kinds = [NodeKind.Theme], Domains = filter?.Enums<PolicyDomain>("domains"), Text = filter?.String("text") };
                return await (await c.ReaderAsync()).ListNodesAsync(c.Viewer(), query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddNodeUpsert<ThemeInputType>(mutation, "upsertThemes", "themes", InputMappers.Theme);
    }
}
