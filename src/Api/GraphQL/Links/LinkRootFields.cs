using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Graph.Interchange;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Links;

public static class LinkRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<LinkConnectionType>>("links")
            .Description("Links, in a stable order, filtered and paged.")
            .Argument<LinkFilterType>("filter", "Which links; none: all of them.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var filter = c.InputObject("filter");
                var query = new LinkQuery
                {
                    Types = filter?.Enums<LinkType>("types"),
                    NodeId = filter?.String("nodeId"),
                    CooperationKinds = filter?.Enums<CooperationKind>("kinds"),
                    ValidAt = filter?.Value<DateOnly>("validAt"),
                    FromYear = filter?.Value<int>("fromYear"),
                    ToYear = filter?.Value<int>("toYear"),
                    Instruments = filter?.Enums<Instrument>("instruments"),
                    MinAmount = filter?.Value<decimal>("minAmount"),
                    MaxAmount = filter?.Value<decimal>("maxAmount"),
                };
                if (query.FromYear > query.ToYear || query.MinAmount > query.MaxAmount)
                {
                    throw BadInput.Error("An empty range: 'fromYear' must not be after 'toYear', nor 'minAmount' above 'maxAmount'.");
                }
                return await (await c.ReaderAsync()).ListLinksAsync(c.Viewer(), query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddLinkUpsert<LinkInputType>(mutation, "upsertLinks", "links (whose ends must exist in the store)", InputMappers.Link);

        mutation.Field<NonNullGraphType<WritePayloadType>>("deleteLinks")
            .Description("Deletes links by id, atomically.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The ids of the links to delete.")
            .ResolveAsync(async c => await WriteRunner.DeleteAsync(c, links: true));
    }
}
