using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Paging;
using CoopGraph.Api.GraphQL.Writes;
using CoopGraph.Graph.Interchange;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.Policies;

public sealed class PolicyEdgeType() : EdgeType<PolicyType, Node>("PolicyEdge");

public sealed class PolicyConnectionType() : ConnectionType<PolicyType, PolicyEdgeType, Node>("PolicyConnection");

public sealed class PolicyFilterType : InputObjectGraphType
{
    public PolicyFilterType()
    {
        Name = "PolicyFilter";
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("Policies targeting at least one of these themes.");
        Field<StringGraphType>("text");
    }
}

public sealed class PolicyInputType : InputObjectGraphType
{
    public PolicyInputType()
    {
        Name = "PolicyInput";
        Description = "A policy to create or replace. ownerId and themeIds, when given, replace its OWNS and TARGETS links.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("description");
        Field<NonNullGraphType<InstrumentType>>("instrument");
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains");
        Field<DecimalGraphType>("budget").Description("In euros.");
        Field<DateType>("start");
        Field<DateType>("end");
        Field<IdGraphType>("ownerId").Description("The service or authority that owns the policy.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<StringGraphType>("source");
    }
}

public static class PolicyRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PolicyConnectionType>>("policies")
            .Description("Policies and programmes, filtered and paged.")
            .Argument<PolicyFilterType>("filter")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var filter = c.InputObject("filter");
                var query = new NodeQuery
                {
                    Kinds = [NodeKind.Policy],
                    Domains = filter?.Enums<PolicyDomain>("domains"),
                    ThemeIds = filter?.Strings("themeIds"),
                    Text = filter?.String("text"),
                };
                return await c.Store().ListNodesAsync(query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddNodeUpsert<PolicyInputType>(mutation, "upsertPolicies", "policies", InputMappers.Policy);
    }
}
