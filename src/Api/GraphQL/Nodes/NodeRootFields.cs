using CoopGraph.Api.GraphQL.Analytics;
using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Domain.Analytics.Projection;
using CoopGraph.Domain.Model;
using CoopGraph.Domain.Surveys;
using CoopGraph.Api.GraphQL.Surveys;
using CoopGraph.Api.GraphQL.Writes;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Nodes;

public sealed record GraphStats(long Nodes, long Links, long Version, GraphProjection Projection);

public sealed record KindCount(NodeKind Kind, int Count);

public sealed record LinkTypeCount(LinkType Type, int Count);

public sealed class KindCountType : ObjectGraphType<KindCount>
{
    public KindCountType()
    {
        Name = "KindCount";
        Description = "How many nodes of one kind the graph holds.";
        Field<NonNullGraphType<NodeKindType>>("kind").Description("The kind of node.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many nodes of this kind.").Resolve(c => c.Source.Count);
    }
}

public sealed class LinkTypeCountType : ObjectGraphType<LinkTypeCount>
{
    public LinkTypeCountType()
    {
        Name = "LinkTypeCount";
        Description = "How many links of one type the graph holds.";
        Field<NonNullGraphType<LinkTypeType>>("type").Description("The type of link.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many links of this type.").Resolve(c => c.Source.Count);
    }
}

public sealed class GraphStatsType : ObjectGraphType<GraphStats>
{
    public GraphStatsType()
    {
        Name = "GraphStats";
        Description = "The size of the graph, as the analytics projection holds it, and the store version it reflects.";
        Field<NonNullGraphType<LongGraphType>>("nodes").Description("Nodes in the store.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<LongGraphType>>("links").Description("Links in the store.").Resolve(c => c.Source.Links);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The store's version: increases with every committed write.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("nodesByKind").Description("Nodes of each kind, in the analytics projection.")
            .Resolve(c => Enum.GetValues<NodeKind>().Select(k => new KindCount(k, c.Source.Projection.CountNodes(k))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkTypeCountType>>>>("linksByType").Description("Links of each type, in the analytics projection.")
            .Resolve(c => Enum.GetValues<LinkType>().Select(t => new LinkTypeCount(t, c.Source.Projection.CountLinks(t))));
        Field<NonNullGraphType<LongGraphType>>("projectionVersion").Description("The store version the analytics projection was built from.").Resolve(c => c.Source.Projection.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("builtAt").Description("When the analytics projection was built.").Resolve(c => c.Source.Projection.BuiltAt);
    }
}

/// <summary>Root fields that work on any node.</summary>
public static class NodeRootFields
{
    public const int MaxIds = 100;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any node by id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The node's id.")
            .Resolve(c => Any(c, c.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Nodes by id, in the order asked, null where an id names nothing (at most {MaxIds} ids).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The ids, at most 100.")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw BadInput.Error($"At most {MaxIds} ids (got {ids.Count}).");
                }
                return ids.Select(id => Any(c, id)).ToList();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("search")
            .Description("Full-text search on names and descriptions of every kind of node, best matches first (prefix match, accents ignored).")
            .Argument<NonNullGraphType<StringGraphType>>("text", "Words to look for in names and descriptions (accents and case ignored; the last word may be a prefix).")
            .Argument<IntGraphType>("first", "How many results, best first.", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var (text, first) = SearchArguments.Read(c, 10, Paging.Paging.MaxFirst);
                return await c.RequestReader().SearchAsync(c.Viewer(), text, first, c.CancellationToken);
            });

        query.Field<NonNullGraphType<GraphStatsType>>("graphStats")
            .Description("Size and version of the graph.")
            .ResolveAsync(async c =>
            {
                var projection = await c.ProjectionAsync();
                var counts = await (await c.ReaderAsync()).CountAsync(c.Viewer(), c.CancellationToken);
                return new GraphStats(counts.Nodes, counts.Links, counts.Version, projection);
            });
    }

    /// <summary>A graph node through the request's loader, or a survey (kept beside the graph, for its authority only).</summary>
    private static global::GraphQL.DataLoader.IDataLoaderResult Any(IResolveFieldContext c, string id) =>
        SurveyOrigins.IsSurveyId(id)
            ? new Surveys.Deferred(async ct => await c.Surveys().SurveyAsync(c.Viewer(), id, ct))
            : c.Loaders().Node(id);

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WritePayloadType>>("deleteNodes")
            .Description("Deletes nodes and their links, atomically. An authority with services, or a territory with sub-territories, is refused unless those go in the same batch.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The ids of the nodes to delete.")
            .ResolveAsync(async c => await WriteRunner.DeleteAsync(c, links: false));
    }
}
