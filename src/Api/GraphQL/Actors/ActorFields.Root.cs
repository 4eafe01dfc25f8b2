using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Loading;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using CoopGraph.Graph.Interchange;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Actors;

/// <summary>The root fields of the Actors topic.</summary>
public static class ActorRootFields
{
    private static readonly NodeKind[] ActorNodeKinds = Enum.GetValues<ActorKind>().Select(k => k.ToNodeKind()).ToArray();

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<ActorInterface>("actor")
            .Description("One actor by id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The actor's id.")
            .Resolve(c => c.Loaders().Node(c.GetArgument<string>("id")).Then(n => n is not null && n.Kind.IsActor() ? n : null));

        query.Field<NonNullGraphType<ActorConnectionType>>("actors")
            .Description("Actors, in a stable order, filtered and paged.")
            .Argument<ActorFilterType>("filter", "Which actors; none: all of them.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var filter = c.InputObject("filter");
                var kinds = filter?.Enums<ActorKind>("kinds") is { Count: > 0 } given ? given.Select(k => k.ToNodeKind()).ToArray() : ActorNodeKinds;
                var query = new NodeQuery
                {
                    Kinds = kinds,
                    Domains = filter?.Enums<PolicyDomain>("domains"),
                    ThemeIds = filter?.Strings("themeIds"),
                    TerritoryCode = filter?.String("territoryCode"),
                    Text = filter?.String("text"),
                };
                return ActorsInTerritory.Applies(query)
                    ? await ActorsInTerritory.ListAsync(c, query, c.ReadPage())
                    : await (await c.ReaderAsync()).ListNodesAsync(c.Viewer(), query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddNodeUpsert<ActorInputType>(mutation, "upsertActors", "actors", InputMappers.Actor);
    }
}
