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
        Description = "Filters of a policy listing; fields given together intersect.";
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains").Description("Only policies in one of these domains.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("Policies targeting at least one of these themes.");
        Field<StringGraphType>("text").Description("Only policies whose name or description holds these words.");
    }
}

public sealed class PolicyInputType : InputObjectGraphType
{
    public PolicyInputType()
    {
        Name = "PolicyInput";
        Description = "A policy to create or replace. ownerId and themeIds, when given, replace its OWNS and TARGETS links.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The policy's id (a slug or an official identifier).");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.");
        Field<StringGraphType>("description").Description("What it does, in a few sentences.");
        Field<NonNullGraphType<InstrumentType>>("instrument").Description("The instrument through which it acts.");
        Field<ListGraphType<NonNullGraphType<PolicyDomainType>>>("domains").Description("The domains it belongs to.");
        Field<DecimalGraphType>("budget").Description("In euros.");
        Field<DateType>("start").Description("First day it applies.");
        Field<DateType>("end").Description("Last day it applies.");
        Field<IdGraphType>("ownerId").Description("The actor that owns the policy: a service or an authority, or an association, foundation or company that runs a programme.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("themeIds").Description("The themes it addresses; replaces its TARGETS links.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Free labels, for search and filters.");
        Field<StringGraphType>("source").Description("Where the policy comes from (a dataset, a partner tool).");
        Field<IdGraphType>("privateTo").Description(Nodes.NodeFields.PrivateToInput);
    }
}

public static class PolicyRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<PolicyConnectionType>>("policies")
            .Description("Policies and programmes, filtered and paged.")
            .Argument<PolicyFilterType>("filter", "Which policies; none: all of them.")
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
                return await (await c.ReaderAsync()).ListNodesAsync(c.Viewer(), query, c.ReadPage(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        UpsertFields.AddNodeUpsert<PolicyInputType>(mutation, "upsertPolicies", "policies", InputMappers.Policy);
    }
}
