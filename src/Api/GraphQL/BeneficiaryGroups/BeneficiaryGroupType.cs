using CoopGraph.Api.GraphQL.Common;
using CoopGraph.Api.GraphQL.Nodes;
using CoopGraph.Api.GraphQL.Policies;
using CoopGraph.Domain.Model;
using CoopGraph.Graph;
using GraphQL;
using GraphQL.Types;

namespace CoopGraph.Api.GraphQL.BeneficiaryGroups;

public sealed class BeneficiaryGroupType : ObjectGraphType<BeneficiaryGroup>
{
    public BeneficiaryGroupType()
    {
        Name = "BeneficiaryGroup";
        Description = "A group of people a policy serves, named as a group (\"young jobseekers without a car\"): never a person.";
        Interface<NodeInterface>();
        this.IsTypeOfClass();
        NodeFields.AddCommon(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyType>>>>("policies").Description("The policies that INVOLVE it, at any stage, each once.")
            .Resolve(c => c.Loaders().NeighbourNodes(c.Source.Id, LinkType.Involves, LinkDirection.Incoming, NodeKind.Policy));
        Field<Actors.AuthorityType>("privateTo").Description(NodeFields.PrivateTo).Resolve(c => Actors.ActorFields.PrivateTo(c.Loaders(), c.Source.PrivateTo));
        NodeFields.AddLinks(this);
    }
}

public sealed class BeneficiaryGroupInputType : InputObjectGraphType
{
    public BeneficiaryGroupInputType()
    {
        Name = "BeneficiaryGroupInput";
        Description = "A group of beneficiaries to create or replace: a group, never a person.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The group's id.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name, as a group (\"tenants of the Bel-Air district\").");
        Field<StringGraphType>("description").Description("Who they are, in a few sentences.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Free labels, for search and filters.");
        Field<StringGraphType>("source").Description("Where it comes from (a survey, a partner tool).");
        Field<IdGraphType>("privateTo").Description(NodeFields.PrivateToInput);
    }
}

public static class BeneficiaryGroupRootFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BeneficiaryGroupType>>>>("beneficiaryGroups")
            .Description("Groups of beneficiaries, by name, at most first.")
            .Argument<StringGraphType>("text", a => a.Description = "Only groups whose name or description holds these words.")
            .Argument<IntGraphType>("first", a => { a.Description = $"How many, 0 to {Paging.Paging.MaxFirst}."; a.DefaultValue = 20; })
            .ResolveAsync(async c =>
            {
                var query = new NodeQuery { Kinds = [NodeKind.BeneficiaryGroup], Text = c.GetArgument<string?>("text") };
                var page = await (await c.ReaderAsync()).ListNodesAsync(c.Viewer(), query, new PageRequest(Math.Clamp(c.GetArgument<int?>("first") ?? 20, 0, Paging.Paging.MaxFirst)), c.CancellationToken);
                return page.Items.Select(i => i.Item).OfType<BeneficiaryGroup>();
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        Writes.UpsertFields.AddNodeUpsert<BeneficiaryGroupInputType>(mutation, "upsertBeneficiaryGroups", "beneficiary groups", Graph.Interchange.InputMappers.BeneficiaryGroup);
    }
}
